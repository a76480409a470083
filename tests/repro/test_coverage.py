# SPDX-License-Identifier: MIT
"""Every printed number accounted for (issue 17): tools/check_coverage.py.

Runs the coverage check against `thermoai reproduce --format json` from the build
tree: no unclassified number in the strict papers (000, 001), no classified record
id missing from the output, and doc/coverage.md current with repro/coverage.tsv.
Skips when the source texts (../shared/papers/, or $THERMOAI_PAPERS) are absent.
"""
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "harness"))
import taplib  # noqa: E402

SRC = taplib.env("top_srcdir")
BUILD = taplib.env("top_builddir")
PAPERS = os.environ.get("THERMOAI_PAPERS") or os.path.join(SRC, "..", "shared", "papers")
if not os.path.isdir(PAPERS):
    taplib.skip_all("../shared/papers/ not beside the source tree")

TOOL = os.path.join(SRC, "tools", "check_coverage.py")
TSV = os.path.join(SRC, "repro", "coverage.tsv")
CLI = os.path.join(BUILD, "cli", "thermoai")


class Coverage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        fd, cls.report = tempfile.mkstemp(suffix=".md")
        os.close(fd)
        cls.proc = subprocess.run([sys.executable, TOOL, "--papers", PAPERS, "--tsv", TSV,
                                  "--thermoai", CLI, "--report", cls.report],
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        cls.out = cls.proc.stdout.decode("utf-8")

    @classmethod
    def tearDownClass(cls):
        os.unlink(cls.report)

    def test_every_number_classified(self):
        for line in self.out.splitlines():
            print("# " + line.lstrip("# "))
        self.assertEqual(self.proc.returncode, 0, "coverage check failed")

    def test_report_current(self):
        with open(self.report, encoding="utf-8") as f:
            made = f.read()
        with open(os.path.join(SRC, "doc", "coverage.md"), encoding="utf-8") as f:
            kept = f.read()
        self.assertEqual(kept, made, "doc/coverage.md is stale: run `make coverage-report`")

    def test_check_can_fail(self):
        """A row naming a record that does not exist fails the check."""
        with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as f:
            with open(TSV, encoding="utf-8") as src:
                f.write(src.read())
            f.write("000\t17\t300\tinput\tE000-no-such-record.01\n")
            bad = f.name
        try:
            r = subprocess.run([sys.executable, TOOL, "--papers", PAPERS, "--tsv", bad,
                                "--thermoai", CLI], stdout=subprocess.PIPE)
            self.assertEqual(r.returncode, 1)
            self.assertIn(b"E000-no-such-record.01", r.stdout)
        finally:
            os.unlink(bad)

    def test_unclassified_strict_number_fails(self):
        """Dropping the row of a paper 000 number makes it unclassified: a failure."""
        with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as f:
            with open(TSV, encoding="utf-8") as src:
                for line in src:
                    if not line.startswith("000\t17\t300\t"):
                        f.write(line)
            bad = f.name
        try:
            r = subprocess.run([sys.executable, TOOL, "--papers", PAPERS, "--tsv", bad,
                                "--thermoai", CLI], stdout=subprocess.PIPE)
            self.assertEqual(r.returncode, 1)
            self.assertIn(b"paper 000 line 17: unclassified number '300'", r.stdout)
        finally:
            os.unlink(bad)


if __name__ == "__main__":
    taplib.main(sys.modules[__name__])
