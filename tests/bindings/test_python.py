# SPDX-License-Identifier: MIT
"""The ctypes binding (bindings/python/thermoai) against the built library.

Expected values are derived here independently, in Python floats, from the
exact k_B and math.log(2).
"""
import math
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "harness"))
import taplib  # noqa: E402

if os.environ.get("THERMOAI_SANITIZERS") == "yes":
    taplib.skip_all("sanitizer build: python cannot load an ASan-instrumented library")
lib = os.path.join(taplib.env("top_builddir"), "lib", ".libs", "libthermoai.so")
if not os.path.exists(lib):
    taplib.skip_all("no shared library built")
os.environ["THERMOAI_LIBRARY"] = lib  # the library just built, not an installed one
sys.path.insert(0, os.path.join(taplib.env("top_srcdir"), "bindings", "python"))
import thermoai  # noqa: E402

KB = 1.380649e-23


class Binding(unittest.TestCase):
    def test_version(self):
        self.assertEqual(thermoai.version_string(), os.environ["PACKAGE_VERSION"])
        major, minor, patch = (int(x) for x in thermoai.version_string().split("."))
        self.assertEqual(thermoai.version_number(), major * 1000000 + minor * 1000 + patch)
        self.assertEqual(thermoai.abi_version(), 0)

    def test_status_names(self):
        self.assertEqual(thermoai.status_name(0), "THERMOAI_OK")
        self.assertEqual(thermoai.status_name(101), "THERMOAI_E_RANGE")
        self.assertEqual(thermoai.status_name(12345), "THERMOAI_E_UNKNOWN")
        self.assertIn("NULL", thermoai.strerror(1))

    def test_constant(self):
        self.assertEqual(thermoai.constants_boltzmann_j_per_k(), KB)
        self.assertEqual(thermoai.CONSTANTS_BOLTZMANN_J_PER_K, KB)

    def test_values(self):
        self.assertAlmostEqual(thermoai.landauer_energy_per_bit_j(300.0) / (KB * 300 * math.log(2)),
                               1.0, places=14)
        self.assertEqual(float("%.10g" % thermoai.landauer_energy_j(1.0, 300.0)), 2.870978885e-21)
        e = thermoai.landauer_energy_j(1e9, 350.0)
        self.assertAlmostEqual(e / (1e9 * KB * 350 * math.log(2)), 1.0, places=14)
        self.assertAlmostEqual(thermoai.landauer_bits_per_j(300.0) * KB * 300 * math.log(2),
                               1.0, places=14)
        self.assertAlmostEqual(thermoai.landauer_ratio(1e-12, 300.0)
                               / (1e-12 / (KB * 300 * math.log(2))), 1.0, places=14)

    def test_linearity(self):
        e1 = thermoai.landauer_energy_j(7.0, 300.0)
        self.assertEqual(thermoai.landauer_energy_j(14.0, 300.0), 2 * e1)
        self.assertEqual(thermoai.landauer_energy_j(7.0, 600.0), 2 * e1)

    def test_bad_input_raises(self):
        cases = [
            (thermoai.landauer_energy_j, (-1.0, 300.0), "THERMOAI_E_INVALID"),
            (thermoai.landauer_energy_j, (1.0, 0.0), "THERMOAI_E_INVALID"),
            (thermoai.landauer_energy_j, (float("nan"), 300.0), "THERMOAI_E_NONFINITE"),
            (thermoai.landauer_energy_j, (1.0, float("inf")), "THERMOAI_E_NONFINITE"),
            (thermoai.landauer_energy_j, (1e300, 1e300), "THERMOAI_E_RANGE"),
            (thermoai.landauer_energy_per_bit_j, (-3.0,), "THERMOAI_E_INVALID"),
            (thermoai.landauer_bits_per_j, (1e-300,), "THERMOAI_E_RANGE"),
            (thermoai.landauer_ratio, (-1.0, 300.0), "THERMOAI_E_INVALID"),
        ]
        for fn, args, name in cases:
            with self.subTest(fn=fn.__name__, args=args):
                with self.assertRaises(thermoai.ThermoaiError) as cm:
                    fn(*args)
                self.assertEqual(cm.exception.name, name)

    def test_struct_layouts_match_the_library(self):
        import ctypes
        self.assertEqual(ctypes.sizeof(thermoai.ModelArch), thermoai._lib.thermoai_model_arch_size())
        self.assertEqual(ctypes.sizeof(thermoai.EntropyParams),
                         thermoai._lib.thermoai_entropy_params_size())
        self.assertEqual(ctypes.sizeof(thermoai.EntropyBreakdown),
                         thermoai._lib.thermoai_entropy_breakdown_size())

    def test_presets_and_params(self):
        presets = {p.name: p.value for p in thermoai.model_presets()}
        self.assertTrue(all(p.source for p in thermoai.model_presets()))
        self.assertIn("llama-2-7b", presets)
        self.assertEqual(thermoai.model_params(presets["llama-2-7b"]), 6738415616)
        self.assertEqual(thermoai.model_params(thermoai.model_arch("falcon-180b")), 179522565120)
        with self.assertRaises(thermoai.ThermoaiError) as cm:
            thermoai.model_arch("no-such-model")
        self.assertEqual(cm.exception.name, "THERMOAI_E_NOT_FOUND")

    def test_entropy_gpt3(self):
        # paper 000 Sec. 3.2 inputs, computed here by hand in Python floats
        arch = thermoai.model_arch("gpt-3-175b")
        b = thermoai.entropy_token(arch, thermoai.EntropyParams(seq_len=2048))
        layer = 96 * (128 * 16 - math.log2(2048)) + 49152 * 0.15 * 16 + 4 * 16
        self.assertEqual(b.attention_bits, 195552.0)
        self.assertAlmostEqual(b.layer_bits / layer, 1.0, places=14)
        self.assertAlmostEqual(b.token_energy_j / (96 * layer * KB * 300 * math.log(2)), 1.0,
                               places=14)
        self.assertAlmostEqual(thermoai.entropy_token_energy_j(arch, thermoai.entropy_params(
            seq_len=2048)) / b.token_energy_j, 1.0, places=15)
        allrows = thermoai.entropy_token(arch, thermoai.entropy_params(
            seq_len=2048, attention_rows=thermoai.ENTROPY_ROWS_ALL))
        self.assertEqual(allrows.attention_bits, 2048 * b.attention_bits)

    def test_ter_and_tip(self):
        arch = thermoai.model_arch("gpt-3-175b")
        bound = thermoai.entropy_token_energy_j(arch)
        self.assertAlmostEqual(thermoai.ter_per_token(arch, None, 0.004) * bound / 0.004, 1.0,
                               places=14)
        self.assertAlmostEqual(thermoai.ter_run(arch, None, 4.0, 1000.0) * bound / 0.004, 1.0,
                               places=14)
        self.assertEqual(thermoai.ter_gap_product([1e4, 1e1, 1e2, 1e1], [1e4, 1e1, 1e3, 1e2], 4),
                         (1e8, 1e10))
        self.assertEqual(thermoai.ter_landauer_share(4.0), 0.25)
        self.assertAlmostEqual(thermoai.tip_relative_degradation(5.47, 5.54), 0.07 / 5.47, places=15)
        self.assertEqual(thermoai.tip_score(4.0, 6.0, 1.0, 4.0), 2.0)
        with self.assertRaises(thermoai.ThermoaiError):
            thermoai.ter_ratio(1.0, 0.0)
        with self.assertRaises(thermoai.ThermoaiError):
            thermoai.entropy_token(thermoai.model_arch())  # empty architecture

    def test_paper001_functions(self):
        self.assertEqual(thermoai.info_perplexity_from_bits(10.0), 1024.0)
        self.assertAlmostEqual(thermoai.info_cross_entropy_bits(20.5), math.log2(20.5), places=14)
        emin = thermoai.negentropy_training_min_j(1e12, 10.0, 4.0, 350.0)
        self.assertAlmostEqual(emin / (1e12 * 6 * KB * 350 * math.log(2)), 1.0, places=14)
        self.assertAlmostEqual(thermoai.energy_inference_per_token_j(1.75e11, 2e-11, 1.2), 8.4,
                               places=12)
        self.assertEqual(thermoai.constants_julian_year_s(), thermoai.CONSTANTS_JULIAN_YEAR_S)
        with self.assertRaises(thermoai.ThermoaiError) as cm:
            thermoai.negentropy_training_min_j(1.0, 4.0, 5.0, 300.0)
        self.assertEqual(cm.exception.name, "THERMOAI_E_DOMAIN")
        with self.assertRaises(TypeError):
            thermoai.energy_training_flop(1.0)

    def test_flux_and_quadrature_through_a_python_callback(self):
        p = thermoai.FluxPhases(phi0_bits_per_s=1e8, tau1_s=1e4, tau2_s=1e5, tau3_s=3e5,
                                 tau4_s=2e4, flags=thermoai.FLUX_CONTINUOUS)
        total = thermoai.flux_total_bits(p, 5e3)
        val, err = thermoai.flux_integrate(lambda t: thermoai.flux_rate_bits_per_s(p, t), 0.0, 5e3,
                                           1e-12)
        self.assertAlmostEqual(val / total, 1.0, places=10)
        with self.assertRaises(thermoai.ThermoaiError) as cm:
            thermoai.flux_integrate(lambda t: 1 / 0, 0.0, 1.0)
        self.assertEqual(cm.exception.name, "THERMOAI_E_CALLBACK")

    def test_scaling_and_intervals(self):
        law = thermoai.ScalingNegentropyLaw(c_c=1e30)
        self.assertEqual(thermoai.scaling_negentropy_bits(law, params=0.0, tokens=0.0, flop=1e30), 6.5)
        loss = thermoai.ScalingLossLaw(l_inf_bits=1.69, a=406.4, alpha_n=0.34)
        neg = thermoai.scaling_negentropy_from_loss(loss, 10.0)
        self.assertAlmostEqual(neg.n_inf_bits, 8.31, places=14)
        lo, hi = thermoai.interval_monomial(1.0, [(1.4e-8, 2.8e-8), (1e13, 1e14)], [1, -1], 2)
        self.assertLessEqual(lo, 1.4e-22)
        self.assertGreaterEqual(hi, 2.8e-21)
        iv = thermoai.Interval
        lo, hi = thermoai.interval_training_min_j(iv(1e12, 1e12), iv(10, 10), iv(3, 5), iv(320, 380))
        self.assertLess(lo, hi)

    def test_wrong_type_rejected_by_argtypes(self):
        with self.assertRaises(Exception):
            thermoai.landauer_energy_j("one", 300.0)


class Attention(unittest.TestCase):
    """Paper 002 through the binding; expected values derived here in Python floats."""

    def test_dense_matches_python(self):
        n, d = 20, 4
        q, k, v, labels = thermoai.synth_generate(n, d, thermoai.SynthParams(
            thermoai.SYNTH_DIFFUSE, seed=3))
        y = thermoai.attention_dense(n, d, q, k, v)
        for i in range(n):
            s = [sum(q[i * d + t] * k[j * d + t] for t in range(d)) / math.sqrt(d) for j in range(n)]
            m = max(s)
            w = [math.exp(x - m) for x in s]
            for t in range(d):
                ref = sum(w[j] * v[j * d + t] for j in range(n)) / sum(w)
                self.assertAlmostEqual(y[i * d + t], ref, delta=2e-5 * (1 + abs(ref)))
        self.assertEqual(len(labels), n)

    def test_ssa_k1_is_dense_and_rows_sum_to_one(self):
        n, d = 64, 8
        q, k, v, _ = thermoai.synth_generate(n, d, thermoai.SynthParams(seed=1))
        dense = thermoai.attention_dense(n, d, q, k, v)
        params = thermoai.SsaParams(variant=thermoai.SSA_IMPORTANCE, clusters=1)
        with thermoai.ssa_create(n, d, params) as plan:
            y = plan.execute(q, k, v)
            self.assertEqual(plan.get_stats().exact_pairs, n * n)
        self.assertTrue(plan.closed)
        self.assertLess(max(abs(a - b) for a, b in zip(y, dense)), 1e-5)
        with thermoai.ssa_create(n, d) as plan:
            ones = plan.execute(q, k, [1.0] * (n * d))
            self.assertLess(max(abs(x - 1.0) for x in ones), 1e-5)
            self.assertTrue(all(c < plan.get_stats().clusters for c in plan.clusters()))

    def test_bad_input_raises(self):
        with self.assertRaises(thermoai.InvalidError) as cm:
            thermoai.ssa_create(10, 4, thermoai.SsaParams(clusters=11))
        self.assertEqual(cm.exception.name, "THERMOAI_E_INVALID")
        with self.assertRaises(ValueError):
            thermoai.attention_dense(1, 4, [0.0] * 3, [0.0] * 4, [0.0] * 4)
        with thermoai.ssa_create(4, 2) as plan:
            with self.assertRaises(thermoai.ThermoaiError) as cm:
                plan.execute([float("nan")] * 8, [0.0] * 8, [0.0] * 8)
            self.assertEqual(cm.exception.name, "THERMOAI_E_NONFINITE")

    def test_spectrum_quality_fallback_mixing(self):
        n, d = 48, 8
        q, k, _, _ = thermoai.synth_generate(n, d, thermoai.SynthParams(seed=2, clusters=4))
        lam, info = thermoai.spectral_attention(n, d, q, k, None, 5)
        self.assertAlmostEqual(lam[0], 0.0, delta=1e-7)
        self.assertTrue(all(a <= b for a, b in zip(lam, lam[1:])))
        quality = thermoai.spectral_cluster_quality(lam[3], lam[4], info.lambda_max)
        self.assertAlmostEqual(quality, (lam[4] - lam[3]) / info.lambda_max, places=15)
        self.assertEqual(thermoai.spectral_fallback(0.05), thermoai.SPECTRAL_FALLBACK_DENSE)
        self.assertEqual(thermoai.spectral_fallback(0.2), thermoai.SPECTRAL_FALLBACK_HYBRID)
        self.assertEqual(thermoai.spectral_fallback(0.5), thermoai.SPECTRAL_FALLBACK_SSA)
        self.assertAlmostEqual(thermoai.spectral_mixing_time_bound(0.5, 0.01, 0.25, 0.0),
                               math.log(400.0) / 0.5, places=12)
        with self.assertRaises(thermoai.Error):
            thermoai.spectral_mixing_time_bound(0.5, 0.01, 0.25, 0.5)




class Completeness(unittest.TestCase):
    """The generated layer against the headers and the exported symbols."""

    def test_every_exported_symbol_has_a_wrapper(self):
        import inspect
        path = os.path.join(taplib.env("top_srcdir"), "abi", "exported-symbols.txt")
        symbols = [line.split("@")[0].strip() for line in open(path) if line.strip()]
        self.assertGreater(len(symbols), 250)
        wrapped = set(thermoai.FUNCTIONS.values())
        for sym in symbols:
            with self.subTest(symbol=sym):
                self.assertIn(sym, wrapped)
                fn = getattr(thermoai, sym[len("thermoai_"):])
                self.assertTrue(callable(fn))
                params = inspect.signature(fn).parameters.values()
                self.assertFalse(any(p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
                                     for p in params), "(*args) signature")
                self.assertIn(sym + "()", fn.__doc__)
                self.assertNotIn("see the C function", fn.__doc__)
                self.assertGreater(len(fn.__doc__.split("\n")[0]), 10)

    def test_every_scalar_wrapper_calls_through(self):
        # every wrapper whose parameters are all numbers, called with 1s and with a NaN:
        # a value or a thermoai.Error, never a TypeError from a wrong argument count,
        # and a NaN input never comes back as a value
        import inspect
        called = 0
        for py, c in sorted(thermoai.FUNCTIONS.items()):
            fn = getattr(thermoai, py)
            params = list(inspect.signature(fn).parameters.values())
            doc = fn.__doc__
            kinds = [re.search(r"^\s*%s : (\w+)" % p.name, doc, re.M) for p in params]
            if not params or not all(k and k.group(1) in ("float", "int") for k in kinds):
                continue
            args = [1.0 if k.group(1) == "float" else 1 for k in kinds]
            with self.subTest(function=c):
                try:
                    fn(*args)
                except thermoai.Error:
                    pass
                floats = [i for i, k in enumerate(kinds) if k.group(1) == "float"]
                if floats:
                    args[floats[0]] = float("nan")
                    with self.assertRaises(thermoai.Error):
                        out = fn(*args)
                        self.fail("NaN in, %r out" % (out,))
                called += 1
        self.assertGreater(called, 100)

    def test_units_reach_the_docstrings(self):
        doc = thermoai.landauer_energy_j.__doc__
        self.assertIn("Unit: K", doc)
        self.assertIn("Unit: J", doc)
        self.assertIn("InvalidError (THERMOAI_E_INVALID)", doc)

    def test_struct_mirrors_have_the_c_size(self):
        import ctypes
        checked = 0
        for cls_name, c_name in thermoai.STRUCTS.items():
            cls = getattr(thermoai, cls_name)
            if cls._size_fn is None:
                continue  # plain structs without a size function (interval, result)
            with self.subTest(struct=c_name):
                self.assertEqual(ctypes.sizeof(cls), getattr(thermoai, cls._size_fn[9:])())
                checked += 1
        self.assertGreaterEqual(checked, 29)
        self.assertEqual(ctypes.sizeof(thermoai.Interval), 16)
        self.assertEqual(ctypes.sizeof(thermoai.Result), 16)

    def test_generated_files_are_current(self):
        import subprocess
        gen = os.path.join(taplib.env("top_srcdir"), "tools", "gen_bindings.py")
        r = subprocess.run([sys.executable, gen, "--check"], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_version_and_abi(self):
        self.assertEqual(thermoai.__version__, os.environ["PACKAGE_VERSION"])
        self.assertEqual(thermoai.version_abi(), thermoai.ABI_VERSION)
        self.assertTrue(os.path.exists(thermoai.library_path))

    def test_structs_are_readable_and_keyword_built(self):
        p = thermoai.EntropyParams(seq_len=2048)
        self.assertEqual(p.saturation_fraction, 0.15)  # the library's default kept
        self.assertIn("seq_len=2048", repr(p))
        self.assertNotIn("struct_size", repr(p))
        with self.assertRaises(TypeError):
            thermoai.EntropyParams(no_such_field=1)
        with self.assertRaises(TypeError):
            thermoai.entropy_token(thermoai.EntropyParams())  # wrong struct type

    def test_errors_are_exceptions_with_the_status_name(self):
        with self.assertRaises(thermoai.NonfiniteError) as cm:
            thermoai.landauer_energy_j(float("nan"), 300.0)
        self.assertEqual(cm.exception.name, "THERMOAI_E_NONFINITE")
        self.assertEqual(cm.exception.function, "thermoai_landauer_energy_j")
        self.assertIsInstance(cm.exception, ValueError)
        with self.assertRaises(thermoai.NotFoundError):
            thermoai.ModelArch.from_preset("no-such-model")
        with self.assertRaises(thermoai.RangeError):
            thermoai.landauer_energy_j(1e300, 1e300)

    def test_handles_free_and_refuse_use_after_close(self):
        plan = thermoai.ssa_create(8, 4)
        self.assertIn("n=8", repr(plan))
        thermoai.ssa_free(plan)
        self.assertTrue(plan.closed)
        with self.assertRaises(ValueError):
            plan.execute([0.0] * 32, [0.0] * 32, [0.0] * 32)
        plan.close()  # idempotent

    def test_every_preset_family(self):
        for fn, cls in ((thermoai.model_presets, thermoai.ModelArch),
                        (thermoai.hardware_presets, thermoai.Hardware),
                        (thermoai.loss_presets, thermoai.LossModel),
                        (thermoai.serving_presets, thermoai.CostServing)):
            with self.subTest(family=fn.__name__):
                presets = fn()
                self.assertGreater(len(presets), 1)
                for p in presets:
                    self.assertIsInstance(p.value, cls)
                    self.assertTrue(p.name and p.source)
                self.assertIn(presets[0].name, repr(presets[0]))
        self.assertTrue(all(g > 0 for _, g, _ in thermoai.carbon_grids()))

    def test_hf_config(self):
        cfg = {"model_type": "llama", "hidden_size": 4096, "intermediate_size": 11008,
               "num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 32,
               "vocab_size": 32000, "max_position_embeddings": 4096, "hidden_act": "silu",
               "tie_word_embeddings": False}
        arch = thermoai.ModelArch.from_hf_config(cfg)
        # Llama 2 7B: 6738415616 parameters (its model card), as the preset says
        self.assertEqual(thermoai.model_params(arch), 6738415616)


class Buffers(unittest.TestCase):
    """Arrays through the buffer protocol."""

    def test_writable_float32_passed_without_copy(self):
        import array
        from thermoai import _runtime
        a = array.array("f", [1.0] * 12)
        addr, _keep = _runtime._in_array(a, "f", (3, 4), "q")
        self.assertEqual(addr, a.buffer_info()[0])

    def test_wrong_dtype_and_layout_rejected(self):
        import array
        n, d = 4, 2
        good = array.array("f", [0.5] * (n * d))
        thermoai.attention_dense(n, d, good, good, good)
        bad = array.array("d", [0.5] * (n * d))
        with self.assertRaises(TypeError) as cm:
            thermoai.attention_dense(n, d, bad, good, good)
        self.assertIn("float32", str(cm.exception))
        strided = memoryview(array.array("f", [0.5] * (2 * n * d)))[::2]
        with self.assertRaises(ValueError) as cm:
            thermoai.attention_dense(n, d, strided, good, good)
        self.assertIn("contiguous", str(cm.exception))
        with self.assertRaises(ValueError):
            thermoai.attention_dense(n, d, good[:-1], good, good)

    def test_numpy(self):
        try:
            import numpy as np
        except ImportError:
            self.skipTest("numpy not installed")
        n, d = 6, 4
        rng = np.random.default_rng(1)
        q, k, v = (rng.standard_normal((n, d)).astype(np.float32) for _ in range(3))
        y = np.frombuffer(thermoai.attention_dense(n, d, q, k, v), np.float32).reshape(n, d)
        s = (q.astype(np.float64) @ k.T.astype(np.float64)) / math.sqrt(d)
        w = np.exp(s - s.max(axis=1, keepdims=True))
        ref = (w / w.sum(axis=1, keepdims=True)) @ v.astype(np.float64)
        self.assertLess(np.max(np.abs(y - ref)), 1e-5)
        with self.assertRaises(TypeError):
            thermoai.attention_dense(n, d, q.astype(np.float64), k, v)
        with self.assertRaises(ValueError):
            thermoai.attention_dense(n, d, np.asfortranarray(q), k, v)
        with self.assertRaises(ValueError):
            thermoai.attention_dense(n, d, q.reshape(d, n), k, v)
        ro = q.copy()
        ro.setflags(write=False)
        thermoai.attention_dense(n, d, ro, k, v)  # read-only input: copied once
        p = np.full(8, 0.125)
        self.assertAlmostEqual(thermoai.pmf_entropy_bits(p, 8), 3.0, places=14)


if __name__ == "__main__":
    taplib.main(sys.modules[__name__])
