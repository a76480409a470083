## Public headers, installed as <thermoai/...>.
thermoaiincludedir = $(includedir)/thermoai
thermoaiinclude_HEADERS = \
	include/thermoai/thermoai.h \
	include/thermoai/export.h \
	include/thermoai/status.h \
	include/thermoai/constants.h \
	include/thermoai/landauer.h
nodist_thermoaiinclude_HEADERS = include/thermoai/version.h
EXTRA_DIST += include/thermoai/version.h.in
