## Examples: small programs users copy from; built and run by `make check`.
check_PROGRAMS += examples/landauer_basic
examples_landauer_basic_LDADD = lib/libthermoai.la

## The reproduction drivers (one file per paper) behind `thermoai reproduce`.
noinst_LTLIBRARIES += examples/reproduce/libreproduce.la
examples_reproduce_libreproduce_la_SOURCES = \
	examples/reproduce/repro.h \
	examples/reproduce/repro.c \
	examples/reproduce/strbuf.h \
	examples/reproduce/strbuf.c \
	examples/reproduce/output.c \
	examples/reproduce/catalog.c \
	examples/reproduce/calls.h \
	examples/reproduce/calls.c \
	examples/reproduce/paper000.c \
	examples/reproduce/paper001.c \
	examples/reproduce/paper002.c \
	examples/reproduce/paper003.c \
	examples/reproduce/cross.c

exampledir = $(docdir)/examples
dist_example_DATA = examples/landauer_basic.c
