## The `thermoai` command: a command table (commands.c), one file per command
## family (cmd_*.c), typed options (options.c) and the JSON/CSV emitter (emit.c),
## which repro/ shares through libemit.la.
noinst_LTLIBRARIES += cli/libemit.la
cli_libemit_la_SOURCES = cli/emit.h cli/emit.c

bin_PROGRAMS += cli/thermoai
cli_thermoai_SOURCES = \
	cli/cli.h \
	cli/commands.h \
	cli/main.c \
	cli/commands.c \
	cli/options.c \
	cli/model_options.c \
	cli/cmd_version.c \
	cli/cmd_landauer.c \
	cli/cmd_model.c \
	cli/cmd_presets.c \
	cli/cmd_energy.c \
	cli/cmd_serving.c \
	cli/cost_options.c \
	cli/cmd_bounds.c \
	cli/cmd_allocate.c \
	cli/cmd_precision.c \
	cli/cmd_tip.c \
	cli/cmd_info.c \
	cli/cmd_reproduce.c
cli_thermoai_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/repro
cli_thermoai_LDADD = repro/librepro.la cli/libemit.la lib/libthermoai.la $(LIBM)
