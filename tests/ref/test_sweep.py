# SPDX-License-Identifier: MIT
"""The accuracy sweep: every exported scalar function against mpmath.

1. Every exported scalar function (declared THERMOAI_API in include/thermoai/,
   returning int, with only double/integer inputs and double * outputs) has
   a row in tests/ref/sweep_table.h, with the input types of its declaration;
   every row names a declared function.
2. tests/ref/sweep_points.py draws points over each row's domain and computes
   the exact results (mpmath); tests/ref/sweep_driver checks every point
   against the row's tolerance in ulps. 600 points per function (about ten
   seconds), 25 under THERMOAI_TEST_QUICK; THERMOAI_SWEEP_POINTS overrides.

Skipped where mpmath is not installed (Debian: python3-mpmath).
"""
import glob
import os
import re
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "harness"))
sys.path.insert(0, HERE)
import taplib  # noqa: E402

try:
    import mpmath  # noqa: F401
except ImportError:
    taplib.skip_all("mpmath not installed (Debian: python3-mpmath)")

import sweep_points  # noqa: E402

TOP = taplib.env("top_srcdir")
BUILD = taplib.env("top_builddir")
TYPES = {"double": "d", "uint32_t": "u", "uint64_t": "U", "size_t": "z", "int32_t": "i", "int": "i"}


def declarations():
    """(header, name, parameter list) of every THERMOAI_API function."""
    for h in sorted(glob.glob(os.path.join(TOP, "include", "thermoai", "*.h"))):
        text = re.sub(r"/\*.*?\*/", " ", open(h, encoding="utf-8").read(), flags=re.S)
        for m in re.finditer(r"THERMOAI_API\s+(?:THERMOAI_NODISCARD\s+)?([\w\s\*]+?)\b(thermoai_\w+)\s*\(([^)]*)\)\s*;",
                             text):
            yield os.path.basename(h), m.group(1).strip(), m.group(2), [p.strip() for p in m.group(3).split(",")]


def scalar_signature(ret, params):
    """The input types ('dd', 'uudUU', ...) and the number of double outputs
    of a scalar function, or None."""
    if ret != "int":
        return None
    ins, outs = [], 0
    for p in params:
        m = re.match(r"^(const\s+)?(\w+)\s*(\*?)\s*\w+$", re.sub(r"\s+", " ", p))
        if not m:
            return None
        const, typ, star = m.groups()
        if star and typ == "double" and not const:
            outs += 1
        elif not star and typ in TYPES and outs == 0:
            ins.append(TYPES[typ])
        else:
            return None
    return ("".join(ins), outs) if outs else None


class Sweep(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rows = sweep_points.read_table(os.path.join(TOP, "tests", "ref", "sweep_table.h"))
        cls.declared = {name: (h, scalar_signature(ret, params)) for h, ret, name, params in declarations()}

    def test_every_scalar_function_has_a_row(self):
        names = {r["name"] for r in self.rows}
        missing = sorted(n for n, (h, sig) in self.declared.items() if sig and n not in names)
        self.assertEqual(missing, [], "exported scalar functions without a row in tests/ref/sweep_table.h "
                                      "(add one: see the comment at its top)")
        self.assertGreaterEqual(len(names), 40)

    def test_rows_match_their_declarations(self):
        for r in self.rows:
            with self.subTest(row=r["name"]):
                self.assertIn(r["name"], self.declared, "a row for an undeclared function")
                if r["kind"] in sweep_points.STRUCT_ROWS:
                    continue
                self.assertEqual(self.declared[r["name"]][1], (r["types"], r["outputs"]),
                                 "the row's input types / outputs differ from the declaration")

    def test_rows_unique(self):
        names = [r["name"] for r in self.rows]
        self.assertEqual(len(names), len(set(names)))

    def test_sweep(self):
        n = int(os.environ.get("THERMOAI_SWEEP_POINTS",
                               "25" if os.environ.get("THERMOAI_TEST_QUICK") else "600"))
        lines = sweep_points.points(self.rows, n, 1)
        with tempfile.NamedTemporaryFile("w", suffix=".points", delete=False) as f:
            f.write("\n".join(lines) + "\n")
            path = f.name
        try:
            driver = os.path.join(BUILD, "tests", "ref", "sweep_driver")
            run = subprocess.run([driver, path], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            out = run.stdout.decode("utf-8", "replace")
        finally:
            os.unlink(path)
        for line in out.splitlines():
            print("# " + line)
        bad = [line for line in out.splitlines() if line.startswith("not ok") or line.startswith("Bail out")]
        self.assertEqual(bad, [])
        self.assertEqual(run.returncode, 0)
        self.assertEqual(len([l for l in out.splitlines() if l.startswith("ok ")]), len(self.rows) + 1)


if __name__ == "__main__":
    taplib.main(sys.modules[__name__])
