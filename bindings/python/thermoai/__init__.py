# SPDX-License-Identifier: MIT
"""ctypes binding for libthermoai (standard library only).

Every C function is declared with argtypes and restype. Functions raise
ThermoaiError when the library returns a status other than THERMOAI_OK, so a
NaN never reaches the caller as a value.

The library is found through the THERMOAI_LIBRARY environment variable (a path
to libthermoai.so), else ctypes.util.find_library("thermoai").
"""
import ctypes
import ctypes.util
import os

__all__ = [
    "ThermoaiError", "version_number", "version_string", "abi_version",
    "strerror", "status_name", "BOLTZMANN_J_PER_K", "boltzmann_j_per_k",
    "landauer_energy_per_bit_j", "landauer_energy_j", "landauer_bits_per_j",
    "landauer_ratio",
]

OK = 0
#: Boltzmann constant, J/K, exact (SI 2019); equals thermoai_boltzmann_j_per_k().
BOLTZMANN_J_PER_K = 1.380649e-23
#: Lowest library version this binding was written for (0.1.0).
MIN_VERSION_NUMBER = 1000


def _load():
    path = os.environ.get("THERMOAI_LIBRARY") or ctypes.util.find_library("thermoai")
    if not path:
        raise ImportError("libthermoai not found: set THERMOAI_LIBRARY to its path")
    return ctypes.CDLL(path)


_lib = _load()
_d = ctypes.c_double
_pd = ctypes.POINTER(ctypes.c_double)


def _declare(name, restype, *argtypes):
    fn = getattr(_lib, name)
    fn.restype = restype
    fn.argtypes = list(argtypes)
    return fn


_declare("thermoai_version_number", ctypes.c_uint32)
_declare("thermoai_version_string", ctypes.c_char_p)
_declare("thermoai_abi_version", ctypes.c_int)
_declare("thermoai_strerror", ctypes.c_char_p, ctypes.c_int)
_declare("thermoai_status_name", ctypes.c_char_p, ctypes.c_int)
_declare("thermoai_boltzmann_j_per_k", _d)
_declare("thermoai_landauer_energy_per_bit_j", ctypes.c_int, _d, _pd)
_declare("thermoai_landauer_energy_j", ctypes.c_int, _d, _d, _pd)
_declare("thermoai_landauer_bits_per_j", ctypes.c_int, _d, _pd)
_declare("thermoai_landauer_ratio", ctypes.c_int, _d, _d, _pd)


class ThermoaiError(Exception):
    """A thermoai function returned a status other than THERMOAI_OK."""

    def __init__(self, status, function):
        self.status = status
        self.name = status_name(status)
        super().__init__("%s: %s (%s)" % (function, strerror(status), self.name))


def version_number():
    """Library version as MAJOR*1000000 + MINOR*1000 + PATCH."""
    return _lib.thermoai_version_number()


def version_string():
    """Library version as "MAJOR.MINOR.PATCH"."""
    return _lib.thermoai_version_string().decode("ascii")


def abi_version():
    """SONAME major version of the loaded library."""
    return _lib.thermoai_abi_version()


def strerror(status):
    """English description of a status code."""
    return _lib.thermoai_strerror(status).decode("utf-8")


def status_name(status):
    """Symbolic name of a status code, e.g. "THERMOAI_E_RANGE"."""
    return _lib.thermoai_status_name(status).decode("ascii")


def boltzmann_j_per_k():
    """k_B in J/K as the library uses it."""
    return _lib.thermoai_boltzmann_j_per_k()


def _call(name, *args):
    out = ctypes.c_double()
    status = getattr(_lib, name)(*args, ctypes.byref(out))
    if status != OK:
        raise ThermoaiError(status, name)
    return out.value


def landauer_energy_per_bit_j(temperature_k):
    """k_B T ln 2 in J; temperature in K (> 0)."""
    return _call("thermoai_landauer_energy_per_bit_j", temperature_k)


def landauer_energy_j(bits, temperature_k):
    """B k_B T ln 2 in J: minimum energy to erase `bits` bits at `temperature_k` K."""
    return _call("thermoai_landauer_energy_j", bits, temperature_k)


def landauer_bits_per_j(temperature_k):
    """1 / (k_B T ln 2) in bit/J."""
    return _call("thermoai_landauer_bits_per_j", temperature_k)


def landauer_ratio(energy_per_bit_j, temperature_k):
    """energy_per_bit_j / (k_B T ln 2): times the Landauer limit (dimensionless)."""
    return _call("thermoai_landauer_ratio", energy_per_bit_j, temperature_k)


if version_number() < MIN_VERSION_NUMBER:
    raise ImportError("libthermoai %s is older than this binding (needs >= 0.1.0)"
                      % version_string())
