## Tests: Automake's parallel harness with TAP output for every test.
## C tests link the installed-API library; itest_* compile internals directly.

C_TESTS = \
	tests/test_status \
	tests/test_version \
	tests/test_abi_layout \
	tests/test_landauer \
	tests/itest_scaled \
	tests/test_repro_rule \
	tests/test_tap_self \
	tests/test_model \
	tests/test_entropy \
	tests/test_ter \
	tests/test_tip \
	tests/test_paper001_ref \
	tests/test_negentropy \
	tests/test_energy \
	tests/test_flux \
	tests/test_scaling \
	tests/test_interval \
	tests/test_attention \
	tests/test_synth \
	tests/test_ssa \
	tests/test_spectral
check_PROGRAMS += $(C_TESTS)

tests_test_status_LDADD = lib/libthermoai.la
tests_test_version_LDADD = lib/libthermoai.la
tests_test_abi_layout_LDADD = lib/libthermoai.la
tests_test_landauer_LDADD = lib/libthermoai.la $(LIBM)
tests_itest_scaled_SOURCES = tests/itest_scaled.c lib/scaled.c
tests_itest_scaled_LDADD = $(LIBM)
tests_test_repro_rule_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/examples/reproduce
tests_test_repro_rule_LDADD = examples/reproduce/libreproduce.la lib/libthermoai.la $(LIBM)
tests_test_tap_self_LDADD = $(LIBM)
tests_test_model_LDADD = lib/libthermoai.la
tests_test_entropy_LDADD = lib/libthermoai.la $(LIBM)
tests_test_ter_LDADD = lib/libthermoai.la $(LIBM)
tests_test_tip_LDADD = lib/libthermoai.la $(LIBM)
tests_test_paper001_ref_LDADD = lib/libthermoai.la $(LIBM)
tests_test_negentropy_LDADD = lib/libthermoai.la $(LIBM)
tests_test_energy_LDADD = lib/libthermoai.la $(LIBM)
tests_test_flux_LDADD = lib/libthermoai.la $(LIBM)
tests_test_scaling_LDADD = lib/libthermoai.la $(LIBM)
tests_test_interval_LDADD = lib/libthermoai.la $(LIBM)
tests_test_attention_SOURCES = tests/test_attention.c tests/attn_util.h
tests_test_attention_LDADD = lib/libthermoai.la $(LIBM)
tests_test_synth_SOURCES = tests/test_synth.c tests/attn_util.h
tests_test_synth_LDADD = lib/libthermoai.la $(LIBM)
tests_test_ssa_SOURCES = tests/test_ssa.c tests/attn_util.h
tests_test_ssa_LDADD = lib/libthermoai.la $(LIBM)
tests_test_spectral_SOURCES = tests/test_spectral.c tests/attn_util.h
tests_test_spectral_LDADD = lib/libthermoai.la $(LIBM)

SH_TESTS = \
	tests/test_headers.sh \
	tests/test_symbols.sh \
	tests/test_cli.sh \
	tests/test_examples.sh \
	tests/test_readme.sh \
	tests/test_pkgconfig.sh
PY_TESTS = \
	tests/test_python.py \
	tests/test_cli_json.py \
	tests/test_api_sync.py \
	tests/test_catalog_sync.py \
	tests/test_ref_regen.py

TESTS += $(C_TESTS) $(SH_TESTS)
if HAVE_PYTHON
TESTS += $(PY_TESTS)
endif

TEST_EXTENSIONS = .sh .py
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
SH_LOG_DRIVER = $(LOG_DRIVER)
SH_LOG_COMPILER = $(SHELL)
PY_LOG_DRIVER = $(LOG_DRIVER)
PY_LOG_COMPILER = $(PYTHON)

# Everything the script tests need to find the tree and the tools.
AM_TESTS_ENVIRONMENT = \
	top_srcdir='$(abs_top_srcdir)'; export top_srcdir; \
	top_builddir='$(abs_top_builddir)'; export top_builddir; \
	CC='$(CC)'; export CC; CXX='$(CXX)'; export CXX; \
	CFLAGS='$(CFLAGS)'; export CFLAGS; \
	SANITIZER_FLAGS='$(SANITIZER_FLAGS)'; export SANITIZER_FLAGS; \
	THERMOAI_SANITIZERS='$(THERMOAI_SANITIZERS)'; export THERMOAI_SANITIZERS; \
	PACKAGE_VERSION='$(PACKAGE_VERSION)'; export PACKAGE_VERSION; \
	MAKE='$(MAKE)'; export MAKE; \
	PKG_CONFIG='$(PKG_CONFIG_PROG)'; export PKG_CONFIG; \
	prefix='$(prefix)'; export prefix; libdir='$(libdir)'; export libdir; \
	includedir='$(includedir)'; export includedir; \
	MALLOC_PERTURB_=165; export MALLOC_PERTURB_;

# The install test must not race the other tests' use of the build tree.
tests/test_pkgconfig.log: tests/test_cli.log tests/test_examples.log tests/test_headers.log

EXTRA_DIST += tests/tap.h tests/refcsv.h tests/taplib.sh tests/taplib.py $(SH_TESTS) $(PY_TESTS) \
	tests/ref/landauer_ref.py tests/ref/landauer.csv tests/ref/entropy_ref.py \
	tests/ref/entropy.csv tests/ref/negentropy_ref.py tests/ref/negentropy.csv \
	tests/memcheck_cli.sh

## `make check-valgrind`: the C tests and the CLI under valgrind's memcheck.
## Any error, and any definite or indirect leak, fails the test.
VALGRIND_FLAGS = --tool=memcheck --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
	--track-origins=yes --quiet
check-valgrind: $(check_PROGRAMS) cli/thermoai$(EXEEXT)
	@if test -z "$(VALGRIND)"; then echo "valgrind not found" >&2; exit 1; fi
	@if test "x$(THERMOAI_SANITIZERS)" = xyes; then \
	  echo "valgrind cannot run a sanitizer build" >&2; exit 1; fi
	$(MAKE) $(AM_MAKEFLAGS) check-TESTS \
	  TESTS="$(C_TESTS) tests/memcheck_cli.sh" \
	  LOG_COMPILER="$(LIBTOOL) --mode=execute $(VALGRIND) $(VALGRIND_FLAGS)" \
	  AM_TESTS_ENVIRONMENT="$(AM_TESTS_ENVIRONMENT) VALGRIND='$(VALGRIND) $(VALGRIND_FLAGS)'; export VALGRIND; LIBTOOL='$(LIBTOOL)'; export LIBTOOL;"
.PHONY: check-valgrind
