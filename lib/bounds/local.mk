## lib/bounds: the physical and information-theoretic bounds as pure functions
## (Landauer, information theory, negentropy, energy accounting, flux, scaling
## laws, intervals). Depends on lib/common.
lib_libthermoai_core_la_SOURCES += \
	lib/bounds/landauer.c \
	lib/bounds/info.c \
	lib/bounds/pmf_internal.h \
	lib/bounds/pmf.c \
	lib/bounds/info_kernels.h \
	lib/bounds/info_kernels.c \
	lib/bounds/rd.c \
	lib/bounds/ib.c \
	lib/bounds/negentropy.c \
	lib/bounds/flux.c \
	lib/bounds/scaling.c \
	lib/bounds/energy.c \
	lib/bounds/interval.c
