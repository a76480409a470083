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
