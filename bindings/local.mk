## Language bindings: shipped in the tarball, tested by `make check`, not installed
## (no PyPI/crates.io: copy bindings/python/thermoai next to your code).
EXTRA_DIST += bindings/python/thermoai/__init__.py bindings/python/README.md
