## lib/prune: Thermodynamically-Informed Pruning. Depends on lib/common,
## lib/model and lib/attention (through their public headers).
lib_libthermoai_core_la_SOURCES += \
	lib/prune/tip.c \
	lib/prune/select.c \
	lib/prune/tip_energy.c \
	lib/prune/baseline.c \
	lib/prune/order.c \
	lib/prune/order.h
