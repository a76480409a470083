## Public headers, installed as <thermoai/...>.
thermoaiincludedir = $(includedir)/thermoai
thermoaiinclude_HEADERS = \
	include/thermoai/thermoai.h \
	include/thermoai/export.h \
	include/thermoai/status.h \
	include/thermoai/types.h \
	include/thermoai/constants.h \
	include/thermoai/landauer.h \
	include/thermoai/model.h \
	include/thermoai/model_preset.h \
	include/thermoai/entropy.h \
	include/thermoai/ter.h \
	include/thermoai/tip.h \
	include/thermoai/prune.h \
	include/thermoai/info.h \
	include/thermoai/pmf.h \
	include/thermoai/rd.h \
	include/thermoai/ib.h \
	include/thermoai/learning.h \
	include/thermoai/negentropy.h \
	include/thermoai/quadrature.h \
	include/thermoai/flux.h \
	include/thermoai/scaling.h \
	include/thermoai/loss.h \
	include/thermoai/allocate.h \
	include/thermoai/precision.h \
	include/thermoai/sparsity.h \
	include/thermoai/energy.h \
	include/thermoai/interval.h \
	include/thermoai/attention.h \
	include/thermoai/synth.h \
	include/thermoai/ssa.h \
	include/thermoai/spectral.h \
	include/thermoai/hardware.h \
	include/thermoai/hardware_preset.h \
	include/thermoai/calibrate.h \
	include/thermoai/work.h \
	include/thermoai/cost.h \
	include/thermoai/training.h \
	include/thermoai/carbon.h \
	include/thermoai/paper_energy.h \
	include/thermoai/ladder.h \
	include/thermoai/trilemma.h \
	include/thermoai/slo.h \
	include/thermoai/serving.h \
	include/thermoai/dynamics.h \
	include/thermoai/scheduler.h \
	include/thermoai/geometry.h \
	include/thermoai/perturbation.h \
	include/thermoai/graph.h \
	include/thermoai/rademacher.h \
	include/thermoai/softmax.h
nodist_thermoaiinclude_HEADERS = include/thermoai/version.h
EXTRA_DIST += include/thermoai/version.h.in
