## Documentation: the Doxygen API reference (--enable-doxygen) and the errata,
## which is generated from `thermoai reproduce --format markdown`, never by hand.

DOC_PAGES = doc/mainpage.md doc/units.md doc/entropy-model.md doc/training-thermodynamics.md \
	doc/ssa.md doc/dynamics-and-spectra.md doc/reproduction.md \
	doc/architecture.md doc/abi-policy.md doc/references.md
dist_doc_DATA += $(DOC_PAGES)
EXTRA_DIST += doc/Doxyfile.in

nodist_doc_DATA = doc/errata.md
CLEANFILES += doc/errata.md
doc/errata.md: cli/thermoai$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) doc && \
	cli/thermoai$(EXEEXT) reproduce --format markdown > $@.tmp && mv $@.tmp $@

if ENABLE_DOXYGEN
doc/html/index.html: doc/Doxyfile doc/errata.md $(thermoaiinclude_HEADERS) \
		$(nodist_thermoaiinclude_HEADERS) $(DOC_PAGES) examples/landauer_basic.c
	$(AM_V_GEN)rm -rf doc/html && $(DOXYGEN) doc/Doxyfile
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
