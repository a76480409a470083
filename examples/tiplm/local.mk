## examples/tiplm: the tiny byte-level transformer of the TIP experiment (issue 14).
## Built with make check (its tests are in tests/examples/); never installed, and
## not linked into cli/thermoai or libthermoai.
## The model as a convenience library for the experiment's programs:
##   prog_LDADD = examples/tiplm/libtiplm.la $(LIBM), #include "examples/tiplm/tiplm.h"
noinst_LTLIBRARIES += examples/tiplm/libtiplm.la
examples_tiplm_libtiplm_la_SOURCES = examples/tiplm/tiplm.c examples/tiplm/tiplm.h
examples_tiplm_libtiplm_la_CFLAGS = $(AM_CFLAGS) $(FP_CFLAGS)
check_PROGRAMS += examples/tiplm/tiplm
examples_tiplm_tiplm_SOURCES = examples/tiplm/tiplm_main.c
examples_tiplm_tiplm_CFLAGS = $(AM_CFLAGS) $(FP_CFLAGS)
examples_tiplm_tiplm_LDADD = examples/tiplm/libtiplm.la $(LIBM)
EXTRA_DIST += examples/tiplm/README.md examples/tiplm/train.sh

## make tiplm-checkpoint: trains the experiment's model from scratch (about 4
## minutes of one core's CPU time) and checks its sha256 against
## examples/tiplm/README.md.
tiplm-checkpoint: examples/tiplm/tiplm$(EXEEXT)
	TIPLM=./examples/tiplm/tiplm$(EXEEXT) sh $(srcdir)/examples/tiplm/train.sh tiplm-out
.PHONY: tiplm-checkpoint
