## The `thermoai` command.
bin_PROGRAMS += cli/thermoai
cli_thermoai_SOURCES = cli/thermoai.c
cli_thermoai_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/examples/reproduce
cli_thermoai_LDADD = examples/reproduce/libreproduce.la lib/libthermoai.la $(LIBM)
