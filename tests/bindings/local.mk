## tests/bindings: the Python binding against the built library.
PY_TESTS += tests/bindings/test_python.py
