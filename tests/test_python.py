# SPDX-License-Identifier: MIT
"""The ctypes binding (bindings/python/thermoai) against the built library.

Expected values are derived here independently, in Python floats, from the
exact k_B and math.log(2).
"""
import math
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import taplib  # noqa: E402

if os.environ.get("THERMOAI_SANITIZERS") == "yes":
    taplib.skip_all("sanitizer build: python cannot load an ASan-instrumented library")
lib = os.path.join(taplib.env("top_builddir"), "lib", ".libs", "libthermoai.so")
if not os.path.exists(lib):
    taplib.skip_all("no shared library built")
os.environ["THERMOAI_LIBRARY"] = lib
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
        self.assertEqual(thermoai.boltzmann_j_per_k(), KB)
        self.assertEqual(thermoai.BOLTZMANN_J_PER_K, KB)

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

    def test_wrong_type_rejected_by_argtypes(self):
        with self.assertRaises(Exception):
            thermoai.landauer_energy_j("one", 300.0)


if __name__ == "__main__":
    taplib.main(sys.modules[__name__])
