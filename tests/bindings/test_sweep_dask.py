# SPDX-License-Identifier: MIT
"""examples/python/sweep_dask.py: the distributed sweep equals the serial one.

A small grid (2 models x 2 hardware x 2 batches x 2 contexts x 2 precisions, plus one
configuration the library rejects) on a LocalCluster of two worker processes, in chunks
of 5 so that several tasks run; the CSV must equal the serial CSV byte for byte.
Skipped when Dask's distributed scheduler is not installed (Debian: python3-distributed).
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "harness"))
import taplib  # noqa: E402

if os.environ.get("THERMOAI_SANITIZERS") == "yes":
    taplib.skip_all("sanitizer build: python cannot load an ASan-instrumented library")
lib = os.path.join(taplib.env("top_builddir"), "lib", ".libs", "libthermoai.so")
if not os.path.exists(lib):
    taplib.skip_all("no shared library built")
try:
    import dask.distributed  # noqa: F401
except ImportError:
    taplib.skip_all("dask.distributed not installed (Debian: python3-distributed)")
# the worker processes inherit both
os.environ["THERMOAI_LIBRARY"] = lib
pkg = os.path.join(taplib.env("top_srcdir"), "bindings", "python")
os.environ["PYTHONPATH"] = pkg + os.pathsep + os.environ.get("PYTHONPATH", "")
sys.path.insert(0, pkg)
sys.path.insert(0, os.path.join(taplib.env("top_srcdir"), "examples", "python"))
import sweep_dask  # noqa: E402


class Sweep(unittest.TestCase):
    def test_distributed_equals_serial(self):
        from dask.distributed import Client, LocalCluster
        configs = sweep_dask.grid(["llama-2-7b", "gpt-3-175b"], ["a100-80-sxm", "h100-sxm"],
                                  [1, 8], [512, 2048], [16.0, 4.0])
        configs.append(("no-such-model", "h100-sxm", 1, 512, 16.0))
        serial = sweep_dask.csv_text(sweep_dask.run_serial(configs))
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            rows = sweep_dask.run_dask(configs, client, chunk=5)
            workers = client.run(os.getpid)
        self.assertEqual(len(workers), 2)
        self.assertNotIn(os.getpid(), workers.values())
        self.assertEqual(sweep_dask.csv_text(rows), serial)
        lines = serial.splitlines()
        self.assertEqual(len(lines), 1 + len(configs))
        self.assertIn(",THERMOAI_E_NOT_FOUND,", lines[-1])
        ok = [line for line in lines[1:] if ",THERMOAI_OK," in line]
        self.assertEqual(len(ok), len(configs) - 1)

    def test_cli_serial(self):
        import contextlib
        import io
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            sweep_dask.main(["--serial", "--models", "llama-2-7b", "--hardware", "h100-sxm",
                             "--batch", "1", "--context", "512", "--weight-bits", "16"])
        lines = buf.getvalue().splitlines()
        self.assertEqual(lines[0].split(","), sweep_dask.COLUMNS)
        self.assertEqual(len(lines), 2)


if __name__ == "__main__":
    taplib.main(sys.modules[__name__])
