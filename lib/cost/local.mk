## lib/cost: hardware profiles, work counting and energy cost models.
## Depends on lib/common, lib/bounds and lib/model.
lib_libthermoai_core_la_SOURCES += \
	lib/cost/cost_internal.h \
	lib/cost/h100_microbench.h \
	lib/cost/hardware.c \
	lib/cost/hardware_preset.c \
	lib/cost/calibrate.c \
	lib/cost/work.c \
	lib/cost/cost.c \
	lib/cost/training.c \
	lib/cost/carbon.c \
	lib/cost/paper_energy.c \
	lib/cost/ladder.c \
	lib/cost/trilemma_internal.h \
	lib/cost/trilemma.c \
	lib/cost/slo.c \
	lib/cost/serving.c
EXTRA_DIST += data/README.md data/h100_microbench.json data/h100_hf_eager_decode.json \
	tools/gen_microbench.py
