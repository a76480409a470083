## tests/bindings: the Python package and the Rust crates against the built library.
PY_TESTS += tests/bindings/test_python.py
SH_TESTS += tests/bindings/test_rust.sh
SH_TESTS += tests/bindings/test_worked_example.sh
PY_TESTS += tests/bindings/test_sweep_dask.py
