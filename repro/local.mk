## The reproduction of the papers (program side): the record and the verdict rule,
## the output formats, the vendored catalog and one driver per paper, behind
## `thermoai reproduce`. It shares cli/emit.c for JSON and CSV.
noinst_LTLIBRARIES += repro/librepro.la
repro_librepro_la_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/cli \
	-DTHERMOAI_DOCDIR='"$(docdir)"'
repro_librepro_la_SOURCES = \
	repro/repro.h \
	repro/repro.c \
	repro/strbuf.h \
	repro/strbuf.c \
	repro/output.c \
	repro/catalog.c \
	repro/papers.c \
	repro/calls.h \
	repro/calls.c \
	repro/paper000.c \
	repro/paper001.c \
	repro/paper002.c \
	repro/paper002_alloc.c \
	repro/paper002_serving.c \
	repro/paper002_info.c \
	repro/ssa_measure.h \
	repro/ssa_measure.c \
	repro/paper003.c \
	repro/cross.c
