# SPDX-License-Identifier: MIT
"""lib/cost/h100_microbench.h is exactly what tools/gen_microbench.py writes from
data/h100_microbench.json (the compiled-in measurement cannot drift from the file)."""
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "harness"))
import taplib  # noqa: E402

SRC = taplib.env("top_srcdir")


class MicrobenchGen(unittest.TestCase):
    def test_header_matches_data(self):
        r = subprocess.run([sys.executable, os.path.join(SRC, "tools", "gen_microbench.py"), "--check"],
                           stdout=subprocess.PIPE)
        self.assertEqual(r.returncode, 0, r.stdout.decode("utf-8"))


if __name__ == "__main__":
    taplib.main(sys.modules[__name__])
