## lib/attention: exact attention kernels, synthetic data, k-means, SSA and the
## attention spectra. Depends on lib/common only.
lib_libthermoai_core_la_SOURCES += \
	lib/attention/attn_kernels.h \
	lib/attention/attn_kernels.c \
	lib/attention/attention.c \
	lib/attention/synth.c \
	lib/attention/kmeans.h \
	lib/attention/kmeans.c \
	lib/attention/ssa_internal.h \
	lib/attention/ssa.c \
	lib/attention/ssa_routed.c \
	lib/attention/spectral_internal.h \
	lib/attention/spectral.c \
	lib/attention/ssa_spectrum.c
