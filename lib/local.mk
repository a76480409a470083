## libthermoai: the library. Only symbols in lib/thermoai.map are exported.
lib_LTLIBRARIES += lib/libthermoai.la
lib_libthermoai_la_SOURCES = \
	lib/internal.h \
	lib/scaled.c \
	lib/status.c \
	lib/version.c \
	lib/constants.c \
	lib/landauer.c \
	lib/structs.c \
	lib/model.c \
	lib/presets.c \
	lib/entropy.c \
	lib/ter.c \
	lib/tip.c \
	lib/infotheory.c \
	lib/negentropy.c \
	lib/quadrature.c \
	lib/flux.c \
	lib/scaling.c \
	lib/energy.c \
	lib/interval.c \
	lib/attn_kernels.h \
	lib/attn_kernels.c \
	lib/attention.c \
	lib/rng.h \
	lib/rng.c \
	lib/synth.c \
	lib/kmeans.h \
	lib/kmeans.c \
	lib/ssa_internal.h \
	lib/ssa.c \
	lib/lanczos.h \
	lib/lanczos.c \
	lib/spectral_internal.h \
	lib/spectral.c \
	lib/ssa_spectrum.c
lib_libthermoai_la_CPPFLAGS = $(AM_CPPFLAGS) -DTHERMOAI_BUILDING
lib_libthermoai_la_CFLAGS = $(AM_CFLAGS) $(VISIBILITY_CFLAGS) $(FP_CFLAGS) $(OPENMP_CFLAGS)
lib_libthermoai_la_LDFLAGS = $(AM_LDFLAGS) $(OPENMP_CFLAGS) -no-undefined \
	-version-info $(THERMOAI_LT_VERSION)
lib_libthermoai_la_LIBADD = $(LIBM)
if HAVE_LD_VERSION_SCRIPT
lib_libthermoai_la_LDFLAGS += -Wl,--version-script=$(srcdir)/lib/thermoai.map
else
lib_libthermoai_la_LDFLAGS += -export-symbols-regex '^thermoai_[a-z]'
endif
EXTRA_lib_libthermoai_la_DEPENDENCIES = lib/thermoai.map
EXTRA_DIST += lib/thermoai.map abi/exported-symbols.txt
