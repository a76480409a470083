## lib/prune: Thermodynamically-Informed Pruning. Depends on lib/common,
## lib/model and lib/attention (through their public headers).
lib_libthermoai_core_la_SOURCES += \
	lib/prune/tip.c
