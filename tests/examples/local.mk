## tests/examples: the examples run, and the README's code and commands work.
SH_TESTS += tests/examples/test_examples.sh tests/examples/test_readme.sh
