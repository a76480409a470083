# SPDX-License-Identifier: MIT
"""tools/check_layers.py: the tree obeys the layer rules of lib/ (and the program side uses no examples/), and the check
fails on each kind of planted violation (so that it cannot pass by accident)."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "harness"))
import taplib  # noqa: E402

SRC = taplib.env("top_srcdir")
CHECK = os.path.join(SRC, "tools", "check_layers.py")


def run(src):
    p = subprocess.run([sys.executable, CHECK, src], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, universal_newlines=True)
    return p.returncode, p.stdout


class Layers(unittest.TestCase):
    def test_tree_obeys_the_rules(self):
        rc, out = run(SRC)
        self.assertEqual(rc, 0, out)

    def planted(self, edit):
        """A copy of lib/, include/, tests/, cli/ and repro/ with one edit; returns the check's result."""
        tmp = tempfile.mkdtemp()
        try:
            for d in ("lib", "include", "tests", "cli", "repro"):
                shutil.copytree(os.path.join(SRC, d), os.path.join(tmp, d))
            edit(tmp)
            return run(tmp)
        finally:
            shutil.rmtree(tmp)

    @staticmethod
    def append(root, rel, text):
        with open(os.path.join(root, rel), "a", encoding="utf-8") as f:
            f.write(text)

    def test_private_header_of_another_domain(self):
        rc, out = self.planted(lambda t: self.append(t, "lib/bounds/landauer.c",
                                                     '\n#include "attention/kmeans.h"\n'))
        self.assertEqual(rc, 1)
        self.assertIn('lib/bounds/landauer.c: #include "attention/kmeans.h"', out)

    def test_include_climbing_out(self):
        rc, out = self.planted(lambda t: self.append(t, "lib/model/ter.c",
                                                     '\n#include "../attention/ssa_internal.h"\n'))
        self.assertEqual(rc, 1)
        self.assertIn("climbs out", out)

    def test_call_against_the_order(self):
        rc, out = self.planted(lambda t: self.append(
            t, "lib/bounds/energy.c", "\nstatic void planted(void) { thermoai_ssa_free(0); }\n"))
        self.assertEqual(rc, 1)
        self.assertIn("lib/bounds/energy.c: uses thermoai_ssa_free of lib/attention", out)

    def test_type_against_the_order(self):
        rc, out = self.planted(lambda t: self.append(
            t, "lib/attention/synth.c", "\nstatic thermoai_model_arch *planted_arch;\n"))
        self.assertEqual(rc, 1)
        self.assertIn("uses thermoai_model_arch of lib/model", out)

    def test_comments_and_strings_do_not_count(self):
        rc, out = self.planted(lambda t: self.append(
            t, "lib/bounds/energy.c", '\n/* thermoai_ssa_free() */ static const char *planted_s = "thermoai_ssa_free";\n'))
        self.assertEqual(rc, 0, out)

    def test_program_side_uses_examples(self):
        rc, out = self.planted(lambda t: self.append(t, "cli/local.mk",
                                                     "\ncli_thermoai_LDADD += examples/libplanted.la\n"))
        self.assertEqual(rc, 1)
        self.assertIn("cli/local.mk: the program side uses examples/", out)
        rc, out = self.planted(lambda t: self.append(t, "repro/paper000.c",
                                                     '\n#include "../examples/planted.h"\n'))
        self.assertEqual(rc, 1)
        self.assertIn("repro/paper000.c: the program side uses examples/", out)

    def test_malloc_outside_the_arena(self):
        rc, out = self.planted(lambda t: self.append(
            t, "lib/bounds/energy.c", "\n#include <stdlib.h>\nstatic void *planted_m(void) { return malloc(8); }\n"))
        self.assertEqual(rc, 1)
        self.assertIn("lib/bounds/energy.c: calls the C allocator", out)

    def test_header_without_test_file(self):
        rc, out = self.planted(lambda t: os.remove(os.path.join(t, "tests", "bounds", "test_info.c")))
        self.assertEqual(rc, 1)
        self.assertIn("include/thermoai/info.h: no test file tests/bounds/test_info.c", out)


if __name__ == "__main__":
    taplib.main(sys.modules[__name__])
