## tests/api: the ABI, the exported symbols, the headers, pkg-config and the
## consistency of headers, map, docs and layout.
C_TESTS += tests/api/test_abi_layout tests/api/test_structs tests/api/test_struct_nan tests/api/test_size_overflow
tests_api_test_abi_layout_LDADD = $(TEST_LIB)
tests_api_test_structs_LDADD = $(TEST_LIB)
tests_api_test_struct_nan_LDADD = $(TEST_LIB)
tests_api_test_size_overflow_LDADD = $(TEST_LIB)
SH_TESTS += tests/api/test_headers.sh tests/api/test_symbols.sh tests/api/test_pkgconfig.sh \
	tests/api/test_man.sh tests/api/test_doc_html.sh
PY_TESTS += tests/api/test_api_sync.py tests/api/test_layers.py
# The install test must not race the other tests' use of the build tree.
tests/api/test_pkgconfig.log: tests/cli/test_cli.log tests/examples/test_examples.log \
	tests/api/test_headers.log
EXTRA_DIST += tests/api/abi_layout_ref.py
SH_TESTS += tests/api/test_abidiff.sh
EXTRA_DIST += abi/libthermoai.abi tools/abi-baseline.sh
