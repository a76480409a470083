# SPDX-License-Identifier: MIT
"""The committed reference tables are exactly what their scripts produce.

Each tests/ref/*_ref.py regenerates its CSV with mpmath (Debian python3-mpmath);
skipped where mpmath is not installed.
"""
import glob
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "harness"))
import taplib  # noqa: E402

try:
    import mpmath  # noqa: F401
except ImportError:
    taplib.skip_all("mpmath not installed (Debian: python3-mpmath)")

REF = os.path.join(taplib.env("top_srcdir"), "tests", "ref")


class RefRegen(unittest.TestCase):
    def test_each_table(self):
        scripts = sorted(glob.glob(os.path.join(REF, "*_ref.py")))
        self.assertGreater(len(scripts), 0)
        for script in scripts:
            csv_path = script[:-len("_ref.py")] + ".csv"
            with self.subTest(script=os.path.basename(script)):
                out = subprocess.run([sys.executable, script], stdout=subprocess.PIPE,
                                     check=True).stdout.decode("utf-8")
                with open(csv_path, encoding="utf-8") as f:
                    self.assertEqual(f.read(), out)


if __name__ == "__main__":
    taplib.main(sys.modules[__name__])
