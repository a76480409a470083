# SPDX-License-Identifier: MIT
"""Build step of the thermoai package: bakes the library's install prefix into
thermoai/_build_config.py (from `pkg-config --variable=libdir thermoai`, or
$THERMOAI_LIBDIR), so that the installed package finds libthermoai without any
environment variable. Everything else is in pyproject.toml."""
import os
import subprocess

from setuptools import setup
from setuptools.command.build_py import build_py


def _libdir():
    if os.environ.get("THERMOAI_LIBDIR"):
        return os.environ["THERMOAI_LIBDIR"]
    try:
        out = subprocess.run(["pkg-config", "--variable=libdir", "thermoai"],
                             capture_output=True, text=True, check=True).stdout.strip()
        return out or None
    except (OSError, subprocess.CalledProcessError):
        return None


class BuildPy(build_py):
    def run(self):
        super().run()
        libdir = _libdir()
        path = os.path.join(self.build_lib, "thermoai", "_build_config.py")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("# Written by setup.py at build time.\n")
            fh.write("LIBDIR = %r\n" % libdir)
            fh.write("BUILDDIR = None\n")


setup(cmdclass={"build_py": BuildPy})
