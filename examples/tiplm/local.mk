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
EXTRA_DIST += examples/tiplm/README.md examples/tiplm/train.sh \
	examples/tiplm/tip_results.md examples/tiplm/tip_results.tsv

## make tiplm-checkpoint: trains the experiment's model from scratch (about 4
## minutes of one core's CPU time) and checks its sha256 against
## examples/tiplm/README.md.
tiplm-checkpoint: examples/tiplm/tiplm$(EXEEXT)
	TIPLM=./examples/tiplm/tiplm$(EXEEXT) sh $(srcdir)/examples/tiplm/train.sh tiplm-out
.PHONY: tiplm-checkpoint

## The TIP experiment (issue 14 item 3): built with make check, which runs only its
## --toy smoke test (tests/examples/test_tip_experiment.sh); the real run is
## make reproduce-tip (about 5.5 minutes of one core), which writes examples/tiplm/tip_results.md
## and examples/tiplm/tip_results.tsv in the build directory. TIPLM_TEXT: the corpus
## (default tiplm-out/bible.txt, made with Debian's bible-kjv).
check_PROGRAMS += examples/tiplm/tip_experiment
examples_tiplm_tip_experiment_SOURCES = examples/tiplm/tip_experiment.c
examples_tiplm_tip_experiment_CFLAGS = $(AM_CFLAGS) $(FP_CFLAGS)
examples_tiplm_tip_experiment_LDADD = examples/tiplm/libtiplm.la lib/libthermoai.la $(LIBM)

TIPLM_TEXT = tiplm-out/bible.txt
TIP_WINDOWS = 64
reproduce-tip: examples/tiplm/tip_experiment$(EXEEXT)
	@if test ! -s '$(TIPLM_TEXT)'; then \
	    mkdir -p "$$(dirname '$(TIPLM_TEXT)')" && \
	    bible -f "Genesis 1:1-Revelation 22:21" >'$(TIPLM_TEXT)' || \
	    { echo "reproduce-tip: needs Debian's bible-kjv (or TIPLM_TEXT=FILE)" >&2; exit 1; }; fi
	mkdir -p examples/tiplm
	./examples/tiplm/tip_experiment$(EXEEXT) --ckpt $(srcdir)/examples/tiplm/tiplm-base-s1-1000.ckpt \
	    --text '$(TIPLM_TEXT)' --windows $(TIP_WINDOWS) --md examples/tiplm/tip_results.md \
	    --tsv examples/tiplm/tip_results.tsv
.PHONY: reproduce-tip
