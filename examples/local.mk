## Examples: small programs users copy from; built and run by `make check`.
check_PROGRAMS += examples/landauer_basic examples/ssa_basic examples/figures/paper001 \
	examples/figures/paper002 examples/figures/allocation examples/figures/cost examples/figures/trilemma \
	examples/figures/information
examples_landauer_basic_LDADD = lib/libthermoai.la
examples_ssa_basic_LDADD = lib/libthermoai.la $(LIBM)
examples_figures_paper001_LDADD = lib/libthermoai.la $(LIBM)
examples_figures_paper002_LDADD = repro/librepro.la cli/libemit.la lib/libthermoai.la $(LIBM)
examples_figures_paper002_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/repro
examples_figures_allocation_LDADD = lib/libthermoai.la $(LIBM)
examples_figures_cost_LDADD = lib/libthermoai.la $(LIBM)
examples_figures_trilemma_LDADD = lib/libthermoai.la $(LIBM)
examples_figures_information_LDADD = lib/libthermoai.la $(LIBM)

include examples/tiplm/local.mk

## `make figures`: the data of the papers' figures, and PNGs where gnuplot is installed.
FIG_GNUPLOT = examples/figures/paper001.gp examples/figures/paper002.gp examples/figures/allocation.gp \
	examples/figures/cost.gp examples/figures/trilemma.gp examples/figures/information.gp
figures: examples/figures/paper001$(EXEEXT) examples/figures/paper002$(EXEEXT) \
		examples/figures/allocation$(EXEEXT) examples/figures/cost$(EXEEXT) \
		examples/figures/trilemma$(EXEEXT) examples/figures/information$(EXEEXT)
	$(MKDIR_P) doc/figures
	examples/figures/paper001$(EXEEXT) doc/figures
	examples/figures/paper002$(EXEEXT) doc/figures
	examples/figures/allocation$(EXEEXT) doc/figures
	examples/figures/cost$(EXEEXT) doc/figures
	examples/figures/trilemma$(EXEEXT) doc/figures
	examples/figures/information$(EXEEXT) doc/figures
	@if command -v gnuplot >/dev/null 2>&1; then \
	  gnuplot -e "dir='doc/figures'" $(srcdir)/examples/figures/paper001.gp && \
	  gnuplot -e "dir='doc/figures'" $(srcdir)/examples/figures/paper002.gp && \
	  gnuplot -e "dir='doc/figures'" $(srcdir)/examples/figures/allocation.gp && \
	  gnuplot -e "dir='doc/figures'" $(srcdir)/examples/figures/cost.gp && \
	  gnuplot -e "dir='doc/figures'" $(srcdir)/examples/figures/trilemma.gp && \
	  gnuplot -e "dir='doc/figures'" $(srcdir)/examples/figures/information.gp && \
	  echo "figures: doc/figures/paper001_fig1.png, paper001_fig2.png," \
	    "paper002_fig2a.png, paper002_fig2b.png, paper002_fig3.png," \
	    "allocation_isoloss.png, allocation_precision.png, cost_ladder.png," \
	    "cost_batch.png, cost_context.png, trilemma.png, tokens_per_watt.png, information.png"; \
	else echo "figures: data in doc/figures/*.dat; install gnuplot for the PNGs"; fi
.PHONY: figures
EXTRA_DIST += $(FIG_GNUPLOT)

exampledir = $(docdir)/examples
dist_example_DATA = examples/landauer_basic.c examples/ssa_basic.c examples/figures/paper001.c \
	examples/figures/paper002.c examples/figures/allocation.c examples/figures/cost.c \
	examples/figures/trilemma.c
