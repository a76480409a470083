## make bench: performance, never part of make check (README "Benchmarks").
EXTRA_PROGRAMS += bench/ssa_bench bench/fma_peak
bench_ssa_bench_SOURCES = bench/ssa_bench.c bench/families.c bench/families.h
bench_ssa_bench_LDADD = lib/libthermoai.la $(LIBM)
bench_fma_peak_SOURCES = bench/fma_peak.c
bench_fma_peak_CFLAGS = $(AM_CFLAGS) $(OPENMP_CFLAGS)
bench_fma_peak_LDADD = $(OPENMP_CFLAGS)
CLEANFILES += bench/ssa_bench$(EXEEXT) bench/fma_peak$(EXEEXT)
EXTRA_DIST += bench/run.sh bench/summarize.py bench/peers/numpy_attention.py \
	bench/peers/torch_attention.py bench/RESULTS.md

bench: bench/ssa_bench$(EXEEXT) bench/fma_peak$(EXEEXT)
	SSA_BENCH=./bench/ssa_bench FMA_PEAK=./bench/fma_peak PYTHON="$(PYTHON)" \
	  sh $(srcdir)/bench/run.sh bench-results
.PHONY: bench

## Blahut-Arimoto and the information bottleneck against numpy (doc/information-theory.md).
EXTRA_PROGRAMS += bench/info_bench
bench_info_bench_LDADD = lib/libthermoai.la $(LIBM)
CLEANFILES += bench/info_bench$(EXEEXT)
EXTRA_DIST += bench/run_info.sh bench/peers/numpy_info.py
bench-info: bench/info_bench$(EXEEXT)
	INFO_BENCH=./bench/info_bench PYTHON="$(PYTHON)" sh $(srcdir)/bench/run_info.sh bench-results
bench: bench-info
.PHONY: bench-info

## The cost model: the 10^6-configuration sweep and the two validations (doc/cost-model.md).
## The validations are also built and run by make check (tests/cost/test_validation.sh).
EXTRA_PROGRAMS += bench/cost_sweep
check_PROGRAMS += bench/validate_decode bench/validate_training
bench_cost_sweep_LDADD = lib/libthermoai.la $(LIBM)
bench_validate_decode_LDADD = lib/libthermoai.la $(LIBM)
bench_validate_training_LDADD = lib/libthermoai.la $(LIBM)
CLEANFILES += bench/cost_sweep$(EXEEXT)
EXTRA_DIST += bench/COST_RESULTS.md

bench-cost: bench/cost_sweep$(EXEEXT) bench/validate_decode$(EXEEXT) bench/validate_training$(EXEEXT)
	@echo "machine: $$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //') ($$(nproc) logical CPUs)"
	./bench/cost_sweep 5
	./bench/validate_decode $(srcdir)/data/h100_hf_eager_decode.json
	./bench/validate_training
.PHONY: bench-cost

## make bench-tiplm: examples/tiplm's trainer and evaluator against PyTorch (CPU).
EXTRA_DIST += bench/tiplm_bench.sh bench/peers/torch_tiplm.py
bench-tiplm: examples/tiplm/tiplm$(EXEEXT)
	TIPLM=./examples/tiplm/tiplm$(EXEEXT) PYTHON="$(PYTHON)" \
	  sh $(srcdir)/bench/tiplm_bench.sh bench-results
.PHONY: bench-tiplm
