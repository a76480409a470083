## examples/tiplm: the tiny byte-level transformer of the TIP experiment (issue 14).
## Built with make check (its tests are in tests/examples/); never installed, and
## not linked into cli/thermoai or libthermoai.
check_PROGRAMS += examples/tiplm/tiplm
examples_tiplm_tiplm_SOURCES = examples/tiplm/tiplm_main.c examples/tiplm/tiplm.c \
	examples/tiplm/tiplm.h
examples_tiplm_tiplm_CFLAGS = $(AM_CFLAGS) $(FP_CFLAGS)
examples_tiplm_tiplm_LDADD = $(LIBM)
EXTRA_DIST += examples/tiplm/README.md examples/tiplm/train.sh

## make tiplm-checkpoint: trains the experiment's model from scratch (about 7
## minutes on one core) and checks its sha256 against examples/tiplm/README.md.
tiplm-checkpoint: examples/tiplm/tiplm$(EXEEXT)
	TIPLM=./examples/tiplm/tiplm$(EXEEXT) sh $(srcdir)/examples/tiplm/train.sh tiplm-out
.PHONY: tiplm-checkpoint
