## Public headers, installed as <thermoai/...>.
thermoaiincludedir = $(includedir)/thermoai
thermoaiinclude_HEADERS = \
	include/thermoai/thermoai.h \
	include/thermoai/export.h \
	include/thermoai/status.h \
	include/thermoai/constants.h \
	include/thermoai/landauer.h \
	include/thermoai/model.h \
	include/thermoai/presets.h \
	include/thermoai/entropy.h \
	include/thermoai/ter.h \
	include/thermoai/tip.h
nodist_thermoaiinclude_HEADERS = include/thermoai/version.h
EXTRA_DIST += include/thermoai/version.h.in
