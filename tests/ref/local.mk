## tests/ref: reference tables with the mpmath scripts that made them; the
## scripts are re-run when mpmath is installed.
PY_TESTS += tests/ref/test_ref_regen.py
EXTRA_DIST += tests/ref/landauer_ref.py tests/ref/landauer.csv tests/ref/entropy_ref.py \
	tests/ref/entropy.csv tests/ref/negentropy_ref.py tests/ref/negentropy.csv \
	tests/ref/model_presets_ref.py tests/ref/model_presets.csv \
	tests/ref/calibrate_ref.py tests/ref/calibrate.csv tests/ref/work_ref.py tests/ref/work.csv \
	tests/ref/pmf_ref.py tests/ref/pmf.csv \
	tests/ref/rd_ref.py tests/ref/rd.csv \
	tests/ref/ib_ref.py tests/ref/ib.csv \
	tests/ref/learning_ref.py tests/ref/learning.csv \
	tests/ref/paper002_ref.py tests/ref/paper002.csv \
	tests/ref/allocate_ref.py tests/ref/allocate.csv tests/ref/precision_ref.py tests/ref/precision.csv

## The accuracy sweep: every exported scalar function against mpmath over wide
## random domains (tests/ref/sweep_table.h; the points are generated at test
## time, the C driver checks them).
check_PROGRAMS += tests/ref/sweep_driver
tests_ref_sweep_driver_SOURCES = tests/ref/sweep_driver.c tests/ref/sweep_table.h tests/ref/sweep_calls.h
tests_ref_sweep_driver_LDADD = $(TEST_LIB)
PY_TESTS += tests/ref/test_sweep.py
EXTRA_DIST += tests/ref/sweep_points.py
