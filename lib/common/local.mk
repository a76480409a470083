## lib/common: status, version, constants, the struct rules, argument checks and
## scaled arithmetic, arrays, arenas, seeded random numbers, quadrature, Lanczos, small dense
## linear algebra (the Jacobi eigensolver).
## Depends on nothing else in lib/. Its headers are the only private headers
## other folders may include.
lib_libthermoai_core_la_SOURCES += \
	lib/common/internal.h \
	lib/common/arena.h \
	lib/common/arena.c \
	lib/common/arrays.h \
	lib/common/arrays.c \
	lib/common/scaled.c \
	lib/common/xnum.h \
	lib/common/xnum.c \
	lib/common/structs.c \
	lib/common/status.c \
	lib/common/version.c \
	lib/common/constants.c \
	lib/common/rng.h \
	lib/common/rng.c \
	lib/common/quadrature.c \
	lib/common/lanczos.h \
	lib/common/lanczos.c \
	lib/common/dense.h \
	lib/common/dense.c
