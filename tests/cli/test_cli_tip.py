# SPDX-License-Identifier: MIT
"""thermoai tip and tip energy.

The selection is checked against the hand-made set of tests/cli/tip_components.csv,
whose order and masks are derived here independently (scores (e^dL - 1) E_total / E_i,
ascending, ties by line); the energy command against a hand-count on a linear custom
profile and against the library's own identity (dense storage saves exactly 0).
"""
import csv
import io
import json
import math
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "harness"))
import taplib  # noqa: E402

CLI = os.path.join(taplib.env("top_builddir"), "cli", "thermoai")
FILE = os.path.join(taplib.env("top_srcdir"), "tests", "cli", "tip_components.csv")
E = [2.0, 1.0, 2.0, 5.0]
L = [0.1, 0.2, 0.1, 0.05]


def run(*args, rc=0, stdin=None):
    p = subprocess.run([CLI] + list(args), input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       check=False)
    if p.returncode != rc:
        raise AssertionError("thermoai %s: exit %d (wanted %d): %s" % (" ".join(args), p.returncode, rc,
                                                                       p.stderr.decode()))
    return p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def expected_order(total):
    s = [math.expm1(l) * total / e for e, l in zip(E, L)]
    return sorted(range(4), key=lambda i: (s[i], i)), s


class Select(unittest.TestCase):
    def select(self, *args):
        out, _ = run("tip", "--components", FILE, "--json", *args)
        return json.loads(out)

    def removed(self, obj):
        return [c["index"] for c in obj["components"] if c["removed"]]

    def test_order_and_scores(self):
        obj = self.select("--total-energy-j", "10")
        order, s = expected_order(10.0)
        self.assertEqual(order, [3, 0, 2, 1])
        for c in obj["components"]:
            self.assertEqual(c["rank"], order.index(c["index"]) + 1)
            self.assertLess(abs(c["score"] - s[c["index"]]), 1e-15 * s[c["index"]])
        self.assertEqual(obj["total_energy_per_token_j"], 10.0)
        self.assertEqual(obj["value"], 0.5)
        self.assertEqual(obj["target"], "sparsity")

    def test_targets(self):
        self.assertEqual(sorted(self.removed(self.select())), [0, 3])
        self.assertEqual(sorted(self.removed(self.select("--target", "energy", "--value", "0.5"))), [3])
        self.assertEqual(sorted(self.removed(self.select("--target", "energy", "--value", "0.51"))), [0, 3])
        obj = self.select("--target", "quality", "--value", "0.17")
        self.assertEqual(sorted(self.removed(obj)), [0, 3])
        self.assertLess(abs(obj["predicted_degradation"] - math.expm1(0.15)), 1e-15)
        self.assertEqual(self.removed(self.select("--target", "quality", "--value", "0")), [])

    def test_total_defaults_to_sum(self):
        obj = self.select()
        self.assertEqual(obj["total_energy_per_token_j"], 10.0)
        self.assertEqual(obj["saved_fraction"], 0.7)

    def test_relative_unit(self):
        # dPPL/PPL = e^dL - 1 gives the same selection as the nats file
        lines = "".join("%s,%r,%r\n" % (k, e, math.expm1(l))
                        for k, e, l in zip(["head", "neuron", "head", "layer"], E, L))
        out, _ = run("tip", "--components", "-", "--loss-unit", "relative", "--json", stdin=lines.encode())
        obj = json.loads(out)
        self.assertEqual(sorted(self.removed(obj)), [0, 3])
        self.assertLess(abs(obj["components"][1]["delta_loss_nats"] - 0.2), 1e-15)

    def test_size_column(self):
        with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
            f.write("head,2,0.1,1\nneuron,1,0.2,1\nhead,2,0.1,1\nlayer,5,0.05,7\n")
        try:
            out, _ = run("tip", "--components", f.name, "--json")
        finally:
            os.unlink(f.name)
        obj = json.loads(out)
        self.assertEqual(self.removed(obj), [3])
        self.assertEqual(obj["size_fraction"], 0.7)

    def test_csv_rows(self):
        out, _ = run("tip", "--components", FILE, "--csv")
        rows = list(csv.reader(io.StringIO(out, newline="")))
        self.assertEqual(rows[0][:2], ["command", "version"])
        self.assertEqual(len(rows), 1 + 4)
        self.assertEqual(len(set(rows[0])), len(rows[0]), "duplicate CSV columns")

    def test_text(self):
        out, _ = run("tip", "--components", FILE)
        self.assertIn("removed        2", out)
        self.assertIn("structured removal", out)


class BadInput(unittest.TestCase):
    def bad(self, text, *args, rc=1, msg=None):
        _, err = run("tip", "--components", "-", *args, rc=rc, stdin=text.encode())
        if msg:
            self.assertIn(msg, err)

    def test_empty(self):
        self.bad("# nothing\n", msg="lists no component")

    def test_unknown_kind(self):
        self.bad("expert,1,0.1\n", msg="unknown kind")

    def test_not_a_number(self):
        self.bad("head,1,abc\n", msg="not a finite number")
        self.bad("head,nan,0.1\n", msg="not a finite number")

    def test_zero_energy(self):
        self.bad("head,0,0.1\n", msg="THERMOAI_E_INVALID")

    def test_value_out_of_range(self):
        self.bad("head,1,0.1\n", "--value", "1.5", msg="--value must be in [0, 1]")
        self.bad("head,1,0.1\n", "--value", "-1", msg="--value")

    def test_unreachable_energy(self):
        self.bad("head,1,0.1\n", "--target", "energy", "--value", "0.9", "--total-energy-j", "10",
                 msg="saves less")

    def test_fields(self):
        self.bad("head,1\n", msg="expected kind")

    def test_missing_file(self):
        _, err = run("tip", "--components", "/nonexistent/x.csv", rc=1)
        self.assertIn("cannot open", err)

    def test_usage(self):
        run("tip", rc=2)
        run("tip", "--components", FILE, "--target", "speed", rc=2)


class Energy(unittest.TestCase):
    LINEAR = ["--model", "llama-2-7b", "--layers", "2", "--d-model", "8", "--heads", "2", "--kv-heads", "2",
              "--head-dim", "4", "--d-ff", "16", "--vocab", "10", "--hardware", "custom", "--peak-flop-per-s", "1e12",
              "--memory-bw-bytes-per-s", "1e9", "--j-per-flop", "1e-12", "--j-per-byte", "1e-10",
              "--idle-power-w", "0", "--serving", "ideal", "--context", "3"]

    def test_dense_saves_nothing(self):
        out, _ = run("tip", "energy", "--model", "llama-2-7b", "--hardware", "h100-sxm", "--json")
        obj = json.loads(out)
        self.assertEqual(obj["unstructured_dense_saved_j"], 0.0)
        self.assertGreater(obj["component_energy_per_token_j"], 0.0)
        self.assertLess(obj["component_energy_per_token_j"], obj["total_energy_per_token_j"] / 1000)
        self.assertEqual(obj["kind"], "head")

    def test_hand_count(self):
        # one MHA head, decode, context 3: 384 bytes and 320 FLOPs (tests/prune/test_tip_energy.c)
        out, _ = run("tip", "energy", "--json", *self.LINEAR)
        obj = json.loads(out)
        want = 1e-10 * 384 + 1e-12 * 320
        self.assertLess(abs(obj["component_energy_per_token_j"] / want - 1), 1e-9)

    def test_bad(self):
        run("tip", "energy", "--model", "llama-2-7b", "--hardware", "h100-sxm", "--kind", "layer",
            "--count", "32", rc=1)
        run("tip", "energy", "--model", "mixtral-8x7b", "--hardware", "h100-sxm", "--kind", "neuron", rc=1)
        run("tip", "energy", "--model", "llama-2-7b", "--hardware", "h100-sxm", "--sparsity", "1", rc=1)


if __name__ == "__main__":
    taplib.main(sys.modules[__name__])
