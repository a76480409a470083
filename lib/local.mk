## libthermoai: one library built from the domain folders of lib/ (see
## doc/architecture.md for their dependency order, which tools/check_layers.py
## enforces). Every object goes into the convenience library libthermoai_core.la;
## the installed libthermoai.la is that library behind the version script, so
## only the symbols in lib/thermoai.map are exported. Tests of internal helpers
## link libthermoai_core.la directly.
LIB_CFLAGS = $(AM_CFLAGS) $(LIB_STD_CFLAGS) $(VISIBILITY_CFLAGS) $(FP_CFLAGS) $(OPENMP_CFLAGS)
LIB_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/lib -DTHERMOAI_BUILDING

noinst_LTLIBRARIES += lib/libthermoai_core.la
lib_libthermoai_core_la_SOURCES =
lib_libthermoai_core_la_CPPFLAGS = $(LIB_CPPFLAGS)
lib_libthermoai_core_la_CFLAGS = $(LIB_CFLAGS)
lib_libthermoai_core_la_LIBADD = $(LIBM)

include lib/common/local.mk
include lib/bounds/local.mk
include lib/model/local.mk
include lib/cost/local.mk
include lib/attention/local.mk
include lib/prune/local.mk

lib_LTLIBRARIES += lib/libthermoai.la
lib_libthermoai_la_SOURCES =
lib_libthermoai_la_LIBADD = lib/libthermoai_core.la $(LIBM)
lib_libthermoai_la_LDFLAGS = $(AM_LDFLAGS) $(OPENMP_CFLAGS) -no-undefined \
	-version-info $(THERMOAI_LT_VERSION)
if HAVE_LD_VERSION_SCRIPT
lib_libthermoai_la_LDFLAGS += -Wl,--version-script=$(srcdir)/lib/thermoai.map
else
lib_libthermoai_la_LDFLAGS += -export-symbols-regex '^thermoai_[a-z]'
endif
EXTRA_lib_libthermoai_la_DEPENDENCIES = lib/thermoai.map
EXTRA_DIST += lib/thermoai.map abi/exported-symbols.txt
