## lib/bounds: the physical and information-theoretic bounds as pure functions
## (Landauer, information theory, negentropy, energy accounting, flux, scaling
## laws, intervals). Depends on lib/common.
lib_libthermoai_core_la_SOURCES += \
	lib/bounds/landauer.c \
	lib/bounds/info.c \
	lib/bounds/negentropy.c \
	lib/bounds/flux.c \
	lib/bounds/scaling.c \
	lib/bounds/loss_model.h \
	lib/bounds/loss.c \
	lib/bounds/allocate.c \
	lib/bounds/precision.c \
	lib/bounds/sparsity.c \
	lib/bounds/energy.c \
	lib/bounds/interval.c
