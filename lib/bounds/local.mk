## lib/bounds: the physical and information-theoretic bounds as pure functions
## (Landauer, information theory, negentropy, energy accounting, flux, scaling
## laws, intervals; paper 002's training dynamics, attention geometry, spectral
## and generalisation bounds, the Algorithm 1 scheduler). Depends on lib/common.
lib_libthermoai_core_la_SOURCES += \
	lib/bounds/landauer.c \
	lib/bounds/info.c \
	lib/bounds/pmf_internal.h \
	lib/bounds/pmf.c \
	lib/bounds/info_kernels.h \
	lib/bounds/info_kernels.c \
	lib/bounds/rd.c \
	lib/bounds/ib.c \
	lib/bounds/learning.c \
	lib/bounds/negentropy.c \
	lib/bounds/flux.c \
	lib/bounds/scaling.c \
	lib/bounds/loss_model.h \
	lib/bounds/loss.c \
	lib/bounds/allocate.c \
	lib/bounds/precision.c \
	lib/bounds/sparsity.c \
	lib/bounds/energy.c \
	lib/bounds/interval.c \
	lib/bounds/dynamics.c \
	lib/bounds/scheduler.c \
	lib/bounds/geometry.c \
	lib/bounds/perturbation.c \
	lib/bounds/graph.c \
	lib/bounds/rademacher.c \
	lib/bounds/softmax.c
