# SPDX-License-Identifier: MIT
"""repro/catalog.c is the catalog of shared/design/REPRODUCTION.md."""
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "harness"))
import taplib  # noqa: E402

SRC = taplib.env("top_srcdir")
SPEC = os.path.join(SRC, "..", "shared", "design", "REPRODUCTION.md")
if not os.path.exists(SPEC):
    taplib.skip_all("../shared/design/REPRODUCTION.md not beside the source tree")


class CatalogSync(unittest.TestCase):
    def test_generated_file_is_current(self):
        out = subprocess.run([sys.executable, os.path.join(SRC, "tools", "gen_catalog.py"), SPEC],
                             stdout=subprocess.PIPE, check=True).stdout.decode("utf-8")
        with open(os.path.join(SRC, "repro", "catalog.c"), encoding="utf-8") as f:
            self.assertEqual(f.read(), out)


if __name__ == "__main__":
    taplib.main(sys.modules[__name__])
