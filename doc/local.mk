## Documentation: the Doxygen API reference (`make doc`; installed with
## --enable-doxygen), the man pages, and the errata, which is generated from
## `thermoai reproduce --format markdown`, never by hand.

DOC_PAGES = doc/mainpage.md doc/units.md doc/entropy-model.md doc/training-thermodynamics.md \
	doc/ssa.md doc/dynamics-and-spectra.md doc/information-theory.md doc/allocation.md doc/reproduction.md \
	doc/cost-model.md doc/tip.md doc/architecture.md doc/abi-policy.md doc/accuracy.md doc/reliability.md \
	doc/references.md
dist_doc_DATA += $(DOC_PAGES)
EXTRA_DIST += doc/Doxyfile.in

nodist_doc_DATA = doc/errata.md
CLEANFILES += doc/errata.md doc/reruns.md
doc/errata.md: cli/thermoai$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) doc && \
	cli/thermoai$(EXEEXT) reproduce --format markdown > $@.tmp && mv $@.tmp $@

## The empirical re-runs (paper 002's SSA timings) time code: never part of `make`
## or the errata; `make reproduce-reruns` writes their own page, doc/reruns.md.
reproduce-reruns: cli/thermoai$(EXEEXT)
	$(MKDIR_P) doc
	cli/thermoai$(EXEEXT) reproduce --reruns --paper 002 --format markdown > doc/reruns.md.tmp
	mv doc/reruns.md.tmp doc/reruns.md
	@echo "reproduce-reruns: doc/reruns.md"
.PHONY: reproduce-reruns

## thermoai(1) from the command table, so that it cannot drift from the parser;
## thermoai(3), the overview of the C API, is written by hand.
dist_man_MANS = doc/thermoai.3
nodist_man_MANS = doc/thermoai.1
CLEANFILES += doc/thermoai.1
doc/thermoai.1: cli/thermoai$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) doc && cli/thermoai$(EXEEXT) help --man > $@.tmp && mv $@.tmp $@

## `make doc`: the HTML API reference in doc/html, whenever doxygen was found.
doc/html/index.html: doc/Doxyfile doc/errata.md $(thermoaiinclude_HEADERS) \
		$(nodist_thermoaiinclude_HEADERS) $(DOC_PAGES) examples/landauer_basic.c
	$(AM_V_GEN)if test -z "$(DOXYGEN)"; then \
	  echo "make doc: doxygen not found (Debian: apt-get install doxygen libjs-mathjax)" >&2; \
	  exit 1; fi; \
	pages=; for p in $(DOC_PAGES); do pages="$$pages $(abs_top_srcdir)/$$p"; done; \
	rm -rf doc/html && THERMOAI_DOC_PAGES="$$pages" $(DOXYGEN) doc/Doxyfile
doc: doc/html/index.html doc/thermoai.1
.PHONY: doc

if ENABLE_DOXYGEN
noinst_DATA += doc/html/index.html
install-data-local: doc/html/index.html
	$(MKDIR_P) '$(DESTDIR)$(htmldir)/api'
	cp -R doc/html/. '$(DESTDIR)$(htmldir)/api/'
	chmod -R u+w '$(DESTDIR)$(htmldir)/api'
uninstall-local:
	rm -rf '$(DESTDIR)$(htmldir)/api'
endif
clean-local:
	rm -rf doc/html doc/figures

## doc/coverage.md, the coverage of the printed numbers (issue 17), is kept in
## the source tree; tests/repro/test_coverage.py fails when it is stale.
## The papers are at ../shared/papers/ or $THERMOAI_PAPERS; a failing check (exit 1)
## still writes the report, which then lists what is unclassified.
coverage-report: cli/thermoai$(EXEEXT)
	$(PYTHON) $(srcdir)/tools/check_coverage.py \
	  --papers "$${THERMOAI_PAPERS:-$(srcdir)/../shared/papers}" \
	  --tsv $(srcdir)/repro/coverage.tsv --thermoai cli/thermoai$(EXEEXT) \
	  --report $(srcdir)/doc/coverage.md || test $$? -eq 1
	@echo "coverage-report: $(srcdir)/doc/coverage.md"
.PHONY: coverage-report
