## tests/ref: reference tables with the mpmath scripts that made them; the
## scripts are re-run when mpmath is installed.
PY_TESTS += tests/ref/test_ref_regen.py
EXTRA_DIST += tests/ref/landauer_ref.py tests/ref/landauer.csv tests/ref/entropy_ref.py \
	tests/ref/entropy.csv tests/ref/negentropy_ref.py tests/ref/negentropy.csv \
	tests/ref/allocate_ref.py tests/ref/allocate.csv tests/ref/precision_ref.py tests/ref/precision.csv
