# SPDX-License-Identifier: MIT
"""The `thermoai bounds ...` family: values checked by independent computations in
Python (closed forms written out here, not the library's), the counterexamples the
commands show, and domain and usage errors that name the option."""
import json
import math
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "harness"))
import taplib  # noqa: E402

CLI = os.path.join(taplib.env("top_builddir"), "cli", "thermoai")


def run(*args, code=0):
    p = subprocess.run([CLI] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if p.returncode != code:
        raise AssertionError("thermoai %s: exit %d (want %d): %s" % (" ".join(args), p.returncode, code,
                                                                     p.stderr.decode()))
    return p.stdout.decode(), p.stderr.decode()


def js(*args):
    return json.loads(run(*(list(args) + ["--json"]))[0])


class Bounds(unittest.TestCase):
    def test_temperature(self):
        o = js("bounds", "temperature", "--learning-rate", "0.2", "--batch-size", "16", "--noise-variance", "3")
        self.assertAlmostEqual(o["temperature"], 0.2 * 3 / 32, places=15)

    def test_w2_full_against_rotation(self):
        # S1 = R diag(4, 1) R^T, S2 = R diag(1, 9) R^T commute: W2^2 = (2-1)^2 + (1-3)^2 + |dm|^2
        c, s = math.cos(0.3), math.sin(0.3)

        def cov(a, b):
            return [[c * c * a + s * s * b, c * s * (a - b)], [c * s * (a - b), s * s * a + c * c * b]]
        s1, s2 = cov(4, 1), cov(1, 9)
        fmt = lambda m: ";".join(",".join(repr(v) for v in r) for r in m)  # noqa: E731
        o = js("bounds", "w2", "--mean1", "0,1", "--cov1", fmt(s1), "--mean2", "0,0", "--cov2", fmt(s2))
        self.assertAlmostEqual(o["w2_squared"], 1 + 4 + 1, places=12)
        self.assertEqual(o["dimension"], 2)

    def test_ou_shows_theorem_6_7_failing(self):
        o = js("bounds", "ou", "--stiffness", "1", "--variance", "0.01", "--temperature", "0.5", "--duration", "1")
        g = 1 - math.exp(-2.0)
        a = 0.5
        b = 0.01 - a
        dl = 0.5 * g * (0.5 - 0.01)
        ds = 0.5 * math.log((a + b * math.exp(-2.0)) / 0.01)
        self.assertAlmostEqual(o["mean_loss_change"], dl, places=13)
        self.assertAlmostEqual(o["entropy_change_nats"], ds, places=13)
        self.assertAlmostEqual(o["entropy_production_nats"], ds - dl / 0.5, places=12)
        self.assertLess(o["printed_theorem_6_7_slack"], 0)
        self.assertGreaterEqual(o["entropy_production_nats"], o["transport_entropy_bound"])

    def test_graph_counterexample(self):
        o = js("bounds", "graph")
        self.assertLess(o["printed_conductance_a_4"], o["cheeger_lower"])
        self.assertLessEqual(o["cheeger_lower"], o["conductance"])
        self.assertLessEqual(o["conductance"], o["cheeger_upper"])
        self.assertAlmostEqual(o["foster_sum"], 3.0, places=12)
        self.assertAlmostEqual(o["printed_conductance_a_4"], 2 / 202, places=14)
        self.assertEqual(len(o["eigenvalues"]), 4)

    def test_graph_sparsifier(self):
        o = js("bounds", "graph", "--weights", "0,1,1,1;1,0,1,1;1,1,0,1;1,1,1,0", "--samples", "50")
        self.assertGreater(o["sparsifier_edges"], 0)
        self.assertLessEqual(o["sparsifier_edges"], 6)
        self.assertAlmostEqual(o["lambda2"], 4 / 3, places=13)

    def test_davis_kahan_counterexample(self):
        o = js("bounds", "davis-kahan", "--norm-op", "0.6", "--norm-f", repr(0.6 * math.sqrt(2)), "--k", "1",
               "--gap", "1")
        self.assertLess(o["printed_theorem_9_3"], 1.0)  # ||sin Theta||_F is 1 for this E
        self.assertGreaterEqual(o["sin_theta_bound"], 1.0)

    def test_jl_and_bernstein(self):
        o = js("bounds", "jl", "--points", "1000", "--epsilon", "0.1", "--delta", "0.01")
        m = math.ceil(2 * math.log(1000 * 999 / 0.01) / (0.005 - 0.001 / 3))
        self.assertEqual(o["dimension_gaussian"], m)
        o = js("bounds", "bernstein", "--rows", "10", "--cols", "10", "--variance", "1", "--max-norm", "0.5",
               "--deviation", "3", "--delta", "0.01")
        self.assertAlmostEqual(o["tail_probability_bound"], 20 * math.exp(-4.5 / 1.5), places=13)
        t = o["deviation_at_delta"]
        self.assertAlmostEqual(20 * math.exp(-(t * t / 2) / (1 + 0.5 * t / 3)), 0.01, places=13)

    def test_ssa_exponent(self):
        small = js("bounds", "ssa", "--n", "16")["printed_theorem_9_7"]
        large = js("bounds", "ssa", "--n", "65536")["printed_theorem_9_7"]
        self.assertGreater(large, small)  # N^(+1/4): the printed N^(-1/4) would fall
        self.assertAlmostEqual(large, 65536 ** 0.25 * math.sqrt(math.log(65536)), places=10)

    def test_softmax(self):
        o = js("bounds", "softmax", "--query", "1,0", "--keys", "1,0;0,1;-1,0")
        w = [math.exp(1 / math.sqrt(2)), 1.0, math.exp(-1 / math.sqrt(2))]
        z = sum(w)
        self.assertAlmostEqual(o["max_weight"], w[0] / z, places=14)
        self.assertAlmostEqual(o["free_energy_min"], -math.sqrt(2) * math.log(z), places=14)
        p = [v / z for v in w]
        mx = sum(pi * k for pi, k in zip(p, [1, 0, -1]))
        my = p[1]
        cov = sum(pi * ((k0 - mx) ** 2 + (k1 - my) ** 2) for pi, (k0, k1) in zip(p, [(1, 0), (0, 1), (-1, 0)]))
        self.assertAlmostEqual(o["fisher_trace"], cov / 2, places=14)

    def test_errors_name_the_option(self):
        _, err = run("bounds", "temperature", "--batch-size", "0.5", code=1)
        self.assertIn("--batch-size", err)
        _, err = run("bounds", "w2", "--mean1", "0,x", code=2)
        self.assertIn("--mean1", err)
        _, err = run("bounds", "w2", "--mean1", "0,0", "--mean2", "1,1", "--cov1", "1,1,1", code=1)
        self.assertIn("--cov1", err)
        _, err = run("bounds", "graph", "--weights", "0,1;2,0", code=1)
        self.assertIn("THERMOAI_E_INVALID", err)
        _, err = run("bounds", "jl", "--epsilon", "1", code=1)
        self.assertIn("thermoai_perturbation_jl_dimension_gaussian", err)
        _, err = run("bounds", code=2)
        self.assertIn("'temperature'", err)

    def test_help(self):
        out, _ = run("bounds", "ou", "--help")
        self.assertIn("usage: thermoai bounds ou", out)
        self.assertIn("--stiffness", out)


if __name__ == "__main__":
    taplib.main(sys.modules[__name__])
