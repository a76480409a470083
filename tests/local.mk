## Tests: Automake's parallel harness with TAP output for every test. The folders
## of tests/ mirror lib/ (one test file per public header, checked by
## tests/api/test_layout.py); tests/internal/ tests private helpers against the
## non-installed libthermoai_core.la; api/, cli/, repro/, examples/ and bindings/
## test what users see. Shared test helpers live in tests/harness/.
##
## C_TESTS run in every tier; C_TESTS_HEAVY are the ones that take long under
## valgrind (they run there at reduced sizes, see THERMOAI_TEST_QUICK).
C_TESTS =
SH_TESTS =
PY_TESTS =
TEST_LIB = lib/libthermoai.la $(LIBM)
TEST_CORE = lib/libthermoai_core.la $(LIBM) $(OPENMP_CFLAGS)
TEST_CORE_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/lib

include tests/harness/local.mk
include tests/common/local.mk
include tests/bounds/local.mk
include tests/model/local.mk
include tests/cost/local.mk
include tests/attention/local.mk
include tests/prune/local.mk
include tests/internal/local.mk
include tests/api/local.mk
include tests/cli/local.mk
include tests/repro/local.mk
include tests/examples/local.mk
include tests/bindings/local.mk
include tests/ref/local.mk
include tests/fuzz/local.mk
include tests/threads/local.mk

check_PROGRAMS += $(C_TESTS)
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
	DOXYGEN='$(DOXYGEN)'; export DOXYGEN; THERMOAI_DOC_PAGES='$(DOC_PAGES)'; \
	export THERMOAI_DOC_PAGES; \
	MALLOC_PERTURB_=165; export MALLOC_PERTURB_;

EXTRA_DIST += $(SH_TESTS) $(PY_TESTS)

## `make check-valgrind`: the C tests and the CLI under valgrind's memcheck, at the
## quick sizes (THERMOAI_TEST_QUICK=1). Any error, and any definite or indirect
## leak, fails the test.
VALGRIND_FLAGS = --tool=memcheck --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
	--track-origins=yes --quiet
check-valgrind: $(check_PROGRAMS) cli/thermoai$(EXEEXT)
	@if test -z "$(VALGRIND)"; then echo "valgrind not found" >&2; exit 1; fi
	@if test "x$(THERMOAI_SANITIZERS)" = xyes; then \
	  echo "valgrind cannot run a sanitizer build" >&2; exit 1; fi
	$(MAKE) $(AM_MAKEFLAGS) check-TESTS \
	  TESTS="$(C_TESTS) tests/cli/memcheck_cli.sh" \
	  LOG_COMPILER="$(LIBTOOL) --mode=execute $(VALGRIND) $(VALGRIND_FLAGS)" \
	  AM_TESTS_ENVIRONMENT="$(AM_TESTS_ENVIRONMENT) THERMOAI_TEST_QUICK=1; export THERMOAI_TEST_QUICK; VALGRIND='$(VALGRIND) $(VALGRIND_FLAGS)'; export VALGRIND; LIBTOOL='$(LIBTOOL)'; export LIBTOOL;"
.PHONY: check-valgrind
