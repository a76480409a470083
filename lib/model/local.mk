## lib/model: transformer architectures, their presets, paper 000's layer-wise
## entropy model and the TER. Depends on lib/common and lib/bounds.
lib_libthermoai_core_la_SOURCES += \
	lib/model/arch.h \
	lib/model/model.c \
	lib/model/model_preset.c \
	lib/model/entropy.c \
	lib/model/ter.c
