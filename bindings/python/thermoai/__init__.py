# SPDX-License-Identifier: MIT
"""ctypes binding for libthermoai (standard library only).

Every C function is declared with argtypes and restype. Functions raise
ThermoaiError when the library returns a status other than THERMOAI_OK, so a
NaN never reaches the caller as a value.

The library is found through the THERMOAI_LIBRARY environment variable (a path
to libthermoai.so), else ctypes.util.find_library("thermoai").
"""
import array
import ctypes
import ctypes.util
import os

__all__ = [
    "ThermoaiError", "version_number", "version_string", "abi_version",
    "strerror", "status_name", "BOLTZMANN_J_PER_K", "boltzmann_j_per_k",
    "landauer_energy_per_bit_j", "landauer_energy_j", "landauer_bits_per_j",
    "landauer_ratio", "ModelArch", "EntropyParams", "EntropyBreakdown",
    "model_arch", "model_arch_check", "model_params", "model_presets", "entropy_params",
    "entropy_attention_bits", "entropy_ffn_bits", "entropy_norm_bits", "entropy_token",
    "entropy_token_energy_j", "ter_ratio", "ter_per_token", "ter_run", "ter_landauer_share",
    "ter_gap_product", "tip_relative_degradation", "tip_score",
    "ARCH_GATED_FFN", "ARCH_TIED_EMBEDDINGS", "ARCH_LINEAR_BIAS", "ARCH_NORM_BIAS",
    "ARCH_LEARNED_POSITIONS", "ATTENTION_ROWS_ONE", "ATTENTION_ROWS_ALL",
    "JULIAN_YEAR_S", "julian_year_s", "FLUX_CONTINUOUS", "FluxPhases", "NegentropyLaw", "LossLaw",
    "Interval", "flux_phases", "flux_rate_bits_per_s", "flux_total_bits", "flux_integrate",
    "negentropy_law", "loss_law", "scaling_negentropy_bits", "scaling_loss_bits",
    "scaling_negentropy_from_loss", "interval_monomial", "interval_difference",
    "interval_training_min_j",
]

OK = 0
#: Boltzmann constant, J/K, exact (SI 2019); equals thermoai_constants_boltzmann_j_per_k().
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


#: The Julian year in seconds (365.25 days); equals thermoai_constants_julian_year_s().
JULIAN_YEAR_S = 31557600.0
FLUX_CONTINUOUS = 0x1

ARCH_GATED_FFN = 0x1
ARCH_TIED_EMBEDDINGS = 0x2
ARCH_LINEAR_BIAS = 0x4
ARCH_NORM_BIAS = 0x8
ARCH_LEARNED_POSITIONS = 0x10
ATTENTION_ROWS_ONE = 0
ATTENTION_ROWS_ALL = 1

_u32 = ctypes.c_uint32
_u64 = ctypes.c_uint64
_size = ctypes.c_size_t


class ModelArch(ctypes.Structure):
    """thermoai_model_arch: dimensions of a decoder-only transformer."""
    _fields_ = [("struct_size", _u32), ("flags", _u32), ("layers", _u32), ("heads", _u32),
                ("kv_heads", _u32), ("head_dim", _u32), ("d_model", _u64), ("d_ff", _u64),
                ("vocab_size", _u64), ("context_length", _u64), ("precision_bits", ctypes.c_double),
                ("params", _u64), ("experts", _u32), ("active_experts", _u32),
                ("shared_experts", _u32), ("first_dense_layers", _u32), ("expert_d_ff", _u64),
                ("sliding_window", _u64), ("q_lora_rank", _u32), ("kv_lora_rank", _u32),
                ("rope_head_dim", _u32), ("v_head_dim", _u32)]


class EntropyParams(ctypes.Structure):
    """thermoai_entropy_params: options of the paper 000 entropy model."""
    _fields_ = [("struct_size", _u32), ("attention_rows", _u32), ("seq_len", _u64),
                ("saturation_fraction", ctypes.c_double), ("temperature_k", ctypes.c_double)]


class EntropyBreakdown(ctypes.Structure):
    """thermoai_entropy_breakdown: per-layer terms, bits and energy per token."""
    _fields_ = [("struct_size", _u32), ("reserved", _u32), ("attention_bits", ctypes.c_double),
                ("ffn_bits", ctypes.c_double), ("norm_bits", ctypes.c_double),
                ("layer_bits", ctypes.c_double), ("token_bits", ctypes.c_double),
                ("token_energy_j", ctypes.c_double)]


class FluxPhases(ctypes.Structure):
    """thermoai_flux_phases: the three-phase negentropy flux of paper 001."""
    _fields_ = [("struct_size", _u32), ("flags", _u32), ("phi0_bits_per_s", ctypes.c_double),
                ("tau1_s", ctypes.c_double), ("tau2_s", ctypes.c_double), ("tau3_s", ctypes.c_double),
                ("tau4_s", ctypes.c_double), ("alpha", ctypes.c_double), ("beta", ctypes.c_double)]


class NegentropyLaw(ctypes.Structure):
    """thermoai_scaling_negentropy_law: Eq. (20) of paper 001."""
    _fields_ = [("struct_size", _u32), ("reserved", _u32), ("n_inf_bits", ctypes.c_double),
                ("n_c", ctypes.c_double), ("d_c", ctypes.c_double), ("c_c", ctypes.c_double),
                ("alpha_n", ctypes.c_double), ("alpha_d", ctypes.c_double), ("alpha_c", ctypes.c_double)]


class LossLaw(ctypes.Structure):
    """thermoai_scaling_loss_law: Eq. (39) of paper 001, bits per token."""
    _fields_ = [("struct_size", _u32), ("reserved", _u32), ("l_inf_bits", ctypes.c_double),
                ("a", ctypes.c_double), ("b", ctypes.c_double), ("c", ctypes.c_double),
                ("alpha_n", ctypes.c_double), ("alpha_d", ctypes.c_double), ("alpha_c", ctypes.c_double)]


class Interval(ctypes.Structure):
    """thermoai_interval: a closed interval [lo, hi]."""
    _fields_ = [("lo", ctypes.c_double), ("hi", ctypes.c_double)]


class _Result(ctypes.Structure):
    _fields_ = [("val", ctypes.c_double), ("err", ctypes.c_double)]


_TIME_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_double, ctypes.c_void_p, ctypes.POINTER(ctypes.c_double))
_parch = ctypes.POINTER(ModelArch)
_pparams = ctypes.POINTER(EntropyParams)

_declare("thermoai_version_number", ctypes.c_uint32)
_declare("thermoai_version_string", ctypes.c_char_p)
_declare("thermoai_version_abi", ctypes.c_int)
_declare("thermoai_strerror", ctypes.c_char_p, ctypes.c_int)
_declare("thermoai_status_name", ctypes.c_char_p, ctypes.c_int)
_declare("thermoai_constants_boltzmann_j_per_k", _d)
_declare("thermoai_landauer_energy_per_bit_j", ctypes.c_int, _d, _pd)
_declare("thermoai_landauer_energy_j", ctypes.c_int, _d, _d, _pd)
_declare("thermoai_landauer_bits_per_j", ctypes.c_int, _d, _pd)
_declare("thermoai_landauer_ratio", ctypes.c_int, _d, _d, _pd)
_declare("thermoai_model_arch_init", ctypes.c_int, _parch, _size)
_declare("thermoai_model_arch_size", _size)
_declare("thermoai_model_arch_check", ctypes.c_int, _parch)
_declare("thermoai_model_params", ctypes.c_int, _parch, ctypes.POINTER(_u64))
_declare("thermoai_model_preset_find", ctypes.c_int, ctypes.c_char_p, _parch)
_declare("thermoai_model_preset_count", _size)
_declare("thermoai_model_preset_info", ctypes.c_int, _size, ctypes.POINTER(ctypes.c_char_p),
         ctypes.POINTER(ctypes.c_char_p), _parch)
_declare("thermoai_entropy_params_init", ctypes.c_int, _pparams, _size)
_declare("thermoai_entropy_params_size", _size)
_declare("thermoai_entropy_breakdown_size", _size)
_declare("thermoai_entropy_attention_bits", ctypes.c_int, _u32, _u32, _d, _u64, _u64, _pd)
_declare("thermoai_entropy_ffn_bits", ctypes.c_int, _u64, _d, _d, _pd)
_declare("thermoai_entropy_norm_bits", ctypes.c_int, _d, _pd)
_declare("thermoai_entropy_token", ctypes.c_int, _parch, _pparams, ctypes.POINTER(EntropyBreakdown))
_declare("thermoai_entropy_token_energy_j", ctypes.c_int, _parch, _pparams, _pd)
_declare("thermoai_ter_ratio", ctypes.c_int, _d, _d, _pd)
_declare("thermoai_ter_per_token", ctypes.c_int, _parch, _pparams, _d, _pd)
_declare("thermoai_ter_run", ctypes.c_int, _parch, _pparams, _d, _d, _pd)
_declare("thermoai_ter_landauer_share", ctypes.c_int, _d, _pd)
_declare("thermoai_ter_gap_product", ctypes.c_int, _pd, _pd, _size, _pd, _pd)
_declare("thermoai_tip_relative_degradation", ctypes.c_int, _d, _d, _pd)
_declare("thermoai_tip_score", ctypes.c_int, _d, _d, _d, _d, _pd)
_declare("thermoai_constants_julian_year_s", _d)
_pflux = ctypes.POINTER(FluxPhases)
_declare("thermoai_flux_phases_init", ctypes.c_int, _pflux, _size)
_declare("thermoai_flux_phases_size", _size)
_declare("thermoai_flux_rate_bits_per_s", ctypes.c_int, _pflux, _d, _pd)
_declare("thermoai_flux_total_bits", ctypes.c_int, _pflux, _d, _pd)
_declare("thermoai_quadrature_integrate", ctypes.c_int, _TIME_FN, ctypes.c_void_p, _d, _d, _d,
         ctypes.POINTER(_Result))
_plaw = ctypes.POINTER(NegentropyLaw)
_ploss = ctypes.POINTER(LossLaw)
_declare("thermoai_scaling_negentropy_law_init", ctypes.c_int, _plaw, _size)
_declare("thermoai_scaling_loss_law_init", ctypes.c_int, _ploss, _size)
_declare("thermoai_scaling_negentropy_law_size", _size)
_declare("thermoai_scaling_loss_law_size", _size)
_declare("thermoai_scaling_negentropy_bits", ctypes.c_int, _plaw, _d, _d, _d, _pd)
_declare("thermoai_scaling_loss_bits", ctypes.c_int, _ploss, _d, _d, _d, _pd)
_declare("thermoai_scaling_negentropy_from_loss", ctypes.c_int, _ploss, _d, _plaw)
_pint = ctypes.POINTER(Interval)
_declare("thermoai_interval_monomial", ctypes.c_int, _d, _pint, ctypes.POINTER(ctypes.c_int32), _size, _pint)
_declare("thermoai_interval_difference", ctypes.c_int, _pint, _pint, _pint)
_declare("thermoai_interval_training_min_j", ctypes.c_int, _pint, _pint, _pint, _pint, _pint)

# Functions of doubles with one double output: Python name -> (C name, arity).
_SCALAR_FUNCTIONS = {
    "info_perplexity_from_bits": ("thermoai_info_perplexity_from_bits", 1),
    "info_perplexity_from_nats": ("thermoai_info_perplexity_from_nats", 1),
    "info_cross_entropy_bits": ("thermoai_info_cross_entropy_bits", 1),
    "info_cross_entropy_nats": ("thermoai_info_cross_entropy_nats", 1),
    "info_bits_from_nats": ("thermoai_info_bits_from_nats", 1),
    "info_nats_from_bits": ("thermoai_info_nats_from_bits", 1),
    "info_uniform_entropy_bits": ("thermoai_info_uniform_entropy_bits", 1),
    "negentropy_description_bits_per_token": ("thermoai_negentropy_description_bits_per_token", 2),
    "negentropy_bits_per_token": ("thermoai_negentropy_bits_per_token", 4),
    "negentropy_total_bits": ("thermoai_negentropy_total_bits", 2),
    "negentropy_entropy_reduction_j_per_k": ("thermoai_negentropy_entropy_reduction_j_per_k", 4),
    "negentropy_training_min_j": ("thermoai_negentropy_training_min_j", 4),
    "negentropy_efficiency": ("thermoai_negentropy_efficiency", 2),
    "negentropy_cost_j_per_bit": ("thermoai_negentropy_cost_j_per_bit", 3),
    "negentropy_demon_efficiency": ("thermoai_negentropy_demon_efficiency", 4),
    "negentropy_demon_trend": ("thermoai_negentropy_demon_trend", 3),
    "negentropy_flux_limit_bits_per_s": ("thermoai_negentropy_flux_limit_bits_per_s", 3),
    "negentropy_compression_ratio": ("thermoai_negentropy_compression_ratio", 3),
    "energy_from_power_j": ("thermoai_energy_from_power_j", 2),
    "energy_facility_j": ("thermoai_energy_facility_j", 2),
    "energy_training_flop": ("thermoai_energy_training_flop", 2),
    "energy_training_j": ("thermoai_energy_training_j", 3),
    "energy_inference_per_token_j": ("thermoai_energy_inference_per_token_j", 3),
    "energy_amortized_per_token_j": ("thermoai_energy_amortized_per_token_j", 3),
    "energy_break_even_tokens": ("thermoai_energy_break_even_tokens", 2),
    "energy_entropy_rate_w_per_k": ("thermoai_energy_entropy_rate_w_per_k", 2),
    "energy_entropy_produced_j_per_k": ("thermoai_energy_entropy_produced_j_per_k", 3),
}
for _c_name, _arity in _SCALAR_FUNCTIONS.values():
    _declare(_c_name, ctypes.c_int, *([_d] * _arity + [_pd]))


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
    return _lib.thermoai_version_abi()


def strerror(status):
    """English description of a status code."""
    return _lib.thermoai_strerror(status).decode("utf-8")


def status_name(status):
    """Symbolic name of a status code, e.g. "THERMOAI_E_RANGE"."""
    return _lib.thermoai_status_name(status).decode("ascii")


def boltzmann_j_per_k():
    """k_B in J/K as the library uses it."""
    return _lib.thermoai_constants_boltzmann_j_per_k()


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


def _check(status, name):
    if status != OK:
        raise ThermoaiError(status, name)


def model_arch(preset=None, **fields):
    """A ModelArch, initialised, from a preset name and/or explicit fields."""
    arch = ModelArch()
    _check(_lib.thermoai_model_arch_init(ctypes.byref(arch), ctypes.sizeof(arch)),
           "thermoai_model_arch_init")
    if preset is not None:
        _check(_lib.thermoai_model_preset_find(preset.encode("utf-8"), ctypes.byref(arch)),
               "thermoai_model_preset_find")
    for key, value in fields.items():
        setattr(arch, key, value)
    return arch


def model_arch_check(arch):
    """Raises ThermoaiError when the architecture is outside the documented domain."""
    _check(_lib.thermoai_model_arch_check(ctypes.byref(arch)), "thermoai_model_arch_check")


def model_params(arch):
    """Parameter count of an architecture (given, or computed from its dimensions)."""
    out = _u64()
    _check(_lib.thermoai_model_params(ctypes.byref(arch), ctypes.byref(out)),
           "thermoai_model_params")
    return out.value


def model_presets():
    """[(name, source, ModelArch)] for every model preset."""
    result = []
    for i in range(_lib.thermoai_model_preset_count()):
        name, source, arch = ctypes.c_char_p(), ctypes.c_char_p(), model_arch()
        _check(_lib.thermoai_model_preset_info(i, ctypes.byref(name), ctypes.byref(source),
                                               ctypes.byref(arch)), "thermoai_model_preset_info")
        result.append((name.value.decode("utf-8"), source.value.decode("utf-8"), arch))
    return result


def entropy_params(**fields):
    """An EntropyParams with the library's defaults, then the given fields."""
    params = EntropyParams()
    _check(_lib.thermoai_entropy_params_init(ctypes.byref(params), ctypes.sizeof(params)),
           "thermoai_entropy_params_init")
    for key, value in fields.items():
        setattr(params, key, value)
    return params


def _pparams_or_null(params):
    return ctypes.byref(params) if params is not None else None


def entropy_attention_bits(heads, head_dim, precision_bits, seq_len, rows):
    """h * r * (d_k * b - log2 n), bits (paper 000 Sec. 3.1)."""
    return _call("thermoai_entropy_attention_bits", heads, head_dim, precision_bits, seq_len, rows)


def entropy_ffn_bits(d_ff, saturation_fraction, precision_bits):
    """d_ff * alpha * b, bits."""
    return _call("thermoai_entropy_ffn_bits", d_ff, saturation_fraction, precision_bits)


def entropy_norm_bits(precision_bits):
    """2 b bits per normalisation."""
    return _call("thermoai_entropy_norm_bits", precision_bits)


def entropy_token(arch, params=None):
    """The per-layer and per-token breakdown as an EntropyBreakdown."""
    out = EntropyBreakdown()
    out.struct_size = ctypes.sizeof(out)
    _check(_lib.thermoai_entropy_token(ctypes.byref(arch), _pparams_or_null(params),
                                       ctypes.byref(out)), "thermoai_entropy_token")
    return out


def entropy_token_energy_j(arch, params=None):
    """Per-token Landauer energy in J."""
    return _call("thermoai_entropy_token_energy_j", ctypes.byref(arch), _pparams_or_null(params))


def ter_ratio(actual_energy_j, landauer_energy_j):
    """TER = actual / Landauer minimum (dimensionless)."""
    return _call("thermoai_ter_ratio", actual_energy_j, landauer_energy_j)


def ter_per_token(arch, energy_per_token_j, params=None):
    """TER from an energy per generated token."""
    return _call("thermoai_ter_per_token", ctypes.byref(arch), _pparams_or_null(params),
                 energy_per_token_j)


def ter_run(arch, energy_j, tokens, params=None):
    """TER of a run that generated `tokens` tokens with `energy_j` joules."""
    return _call("thermoai_ter_run", ctypes.byref(arch), _pparams_or_null(params), energy_j, tokens)


def ter_landauer_share(ter):
    """1 / TER: the share of the energy the Landauer bound accounts for."""
    return _call("thermoai_ter_landauer_share", ter)


def ter_gap_product(factor_lo, factor_hi):
    """(lo, hi) product of factor ranges."""
    n = len(factor_lo)
    if len(factor_hi) != n:
        raise ValueError("factor_lo and factor_hi differ in length")
    lo_arr, hi_arr = (_d * n)(*factor_lo), (_d * n)(*factor_hi)
    lo, hi = _d(), _d()
    _check(_lib.thermoai_ter_gap_product(lo_arr, hi_arr, n, ctypes.byref(lo), ctypes.byref(hi)),
           "thermoai_ter_gap_product")
    return lo.value, hi.value


def tip_relative_degradation(ppl_base, ppl_pruned):
    """(PPL' - PPL) / PPL."""
    return _call("thermoai_tip_relative_degradation", ppl_base, ppl_pruned)


def tip_score(ppl_base, ppl_without, component_energy_j, total_energy_j):
    """TIP importance score (dPPL/PPL) / (E_i/E_total)."""
    return _call("thermoai_tip_score", ppl_base, ppl_without, component_energy_j, total_energy_j)


def _make_scalar(py_name, c_name, arity):
    def fn(*args):
        if len(args) != arity:
            raise TypeError("%s takes %d arguments (%d given)" % (py_name, arity, len(args)))
        return _call(c_name, *[float(a) for a in args])
    fn.__name__ = py_name
    fn.__doc__ = "%s(...) -> float; see the C function %s." % (py_name, c_name)
    return fn


for _py, (_c_name, _arity) in _SCALAR_FUNCTIONS.items():
    globals()[_py] = _make_scalar(_py, _c_name, _arity)
__all__ += sorted(_SCALAR_FUNCTIONS)


def julian_year_s():
    """The Julian year in seconds."""
    return _lib.thermoai_constants_julian_year_s()


def flux_phases(**fields):
    """A FluxPhases with the library's defaults, then the given fields."""
    p = FluxPhases()
    _check(_lib.thermoai_flux_phases_init(ctypes.byref(p), ctypes.sizeof(p)), "thermoai_flux_phases_init")
    for key, value in fields.items():
        setattr(p, key, value)
    return p


def flux_rate_bits_per_s(phases, t_s):
    """Eq. (18) of paper 001 at time t_s."""
    return _call("thermoai_flux_rate_bits_per_s", ctypes.byref(phases), t_s)


def flux_total_bits(phases, t_final_s):
    """Eq. (19) of paper 001, closed form."""
    return _call("thermoai_flux_total_bits", ctypes.byref(phases), t_final_s)


def flux_integrate(fn, t0_s, t1_s, rel_tol=1e-10):
    """(value, error) of the integral of fn(t) over [t0_s, t1_s] (adaptive Gauss-Kronrod)."""
    def trampoline(t, _user, out):
        try:
            out[0] = float(fn(t))
            return 0
        except Exception:  # the library reports THERMOAI_E_CALLBACK
            return 1
    cb = _TIME_FN(trampoline)
    res = _Result()
    _check(_lib.thermoai_quadrature_integrate(cb, None, t0_s, t1_s, rel_tol, ctypes.byref(res)),
           "thermoai_quadrature_integrate")
    return res.val, res.err


def negentropy_law(**fields):
    """A NegentropyLaw with the library's defaults, then the given fields."""
    law = NegentropyLaw()
    _check(_lib.thermoai_scaling_negentropy_law_init(ctypes.byref(law), ctypes.sizeof(law)),
           "thermoai_scaling_negentropy_law_init")
    for key, value in fields.items():
        setattr(law, key, value)
    return law


def loss_law(**fields):
    """A LossLaw with the library's defaults, then the given fields."""
    law = LossLaw()
    _check(_lib.thermoai_scaling_loss_law_init(ctypes.byref(law), ctypes.sizeof(law)), "thermoai_scaling_loss_law_init")
    for key, value in fields.items():
        setattr(law, key, value)
    return law


def scaling_negentropy_bits(law, params=0.0, tokens=0.0, flop=0.0):
    """Eq. (20): negentropy in bits per token."""
    return _call("thermoai_scaling_negentropy_bits", ctypes.byref(law), params, tokens, flop)


def scaling_loss_bits(law, params=0.0, tokens=0.0, flop=0.0):
    """Eq. (39): loss in bits per token."""
    return _call("thermoai_scaling_loss_bits", ctypes.byref(law), params, tokens, flop)


def scaling_negentropy_from_loss(loss, data_entropy_bits):
    """Eq. (40): the NegentropyLaw of a LossLaw."""
    law = negentropy_law()
    _check(_lib.thermoai_scaling_negentropy_from_loss(ctypes.byref(loss), data_entropy_bits,
                                                      ctypes.byref(law)),
           "thermoai_scaling_negentropy_from_loss")
    return law


def interval_monomial(coefficient, factors, powers):
    """(lo, hi) of coefficient * prod(x_i ** p_i) over positive (lo, hi) factors."""
    n = len(factors)
    arr = (Interval * n)(*[Interval(lo, hi) for lo, hi in factors])
    pw = (ctypes.c_int32 * n)(*powers)
    out = Interval()
    _check(_lib.thermoai_interval_monomial(coefficient, arr, pw, n, ctypes.byref(out)),
           "thermoai_interval_monomial")
    return out.lo, out.hi


def interval_difference(a, b):
    """(lo, hi) of a - b for intervals a = (lo, hi), b = (lo, hi)."""
    out = Interval()
    _check(_lib.thermoai_interval_difference(ctypes.byref(Interval(*a)), ctypes.byref(Interval(*b)),
                                             ctypes.byref(out)), "thermoai_interval_difference")
    return out.lo, out.hi


def interval_training_min_j(tokens, data_entropy_bits, cross_entropy_bits, temperature_k):
    """(lo, hi) of Eq. (12) over intervals given as (lo, hi) pairs."""
    out = Interval()
    args = [ctypes.byref(Interval(*x)) for x in (tokens, data_entropy_bits, cross_entropy_bits,
                                                  temperature_k)]
    _check(_lib.thermoai_interval_training_min_j(*args, ctypes.byref(out)),
           "thermoai_interval_training_min_j")
    return out.lo, out.hi


# ---- paper 002: attention, SSA, spectra, synthetic data ---------------------------------
# Arrays are array.array('f') (row-major n x d float32), so no numpy is needed; any
# object with the buffer protocol of float32 works as input.

ATTENTION_CAUSAL = 0x1
ATTENTION_PORTABLE = 0x2
SSA_PAPER = 0
SSA_IMPORTANCE = 1
SSA_CENTROID = 2
SSA_CAUSAL = 0x1
SSA_PORTABLE = 0x2
SYNTH_CONCENTRATED = 0
SYNTH_DIFFUSE = 1
SYNTH_UNIFORM = 2
SPECTRUM_PORTABLE = 0x2
FALLBACK_DENSE = 0
FALLBACK_HYBRID = 1
FALLBACK_SSA = 2


class SsaParams(ctypes.Structure):
    _fields_ = [(name, ctypes.c_uint32) for name in (
        "struct_size", "variant", "flags", "clusters", "samples", "projection_dim",
        "kmeans_iterations", "threads")] + [("seed", ctypes.c_uint64)]


class SsaStats(ctypes.Structure):
    _fields_ = [(name, ctypes.c_uint32) for name in (
        "struct_size", "clusters", "samples", "projection_dim", "kmeans_iterations",
        "empty_clusters")] + [(name, ctypes.c_double) for name in (
            "projection_s", "clustering_s", "attention_s", "exact_pairs", "centroid_terms",
            "kmeans_objective", "bytes")]


class SynthParams(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_uint32), ("clusters", ctypes.c_uint32),
                ("separation", ctypes.c_double), ("noise", ctypes.c_double),
                ("logit_scale", ctypes.c_double), ("seed", ctypes.c_uint64)]


class SpectrumParams(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_uint32), ("flags", ctypes.c_uint32),
                ("max_iterations", ctypes.c_uint32), ("threads", ctypes.c_uint32),
                ("tolerance", ctypes.c_double), ("seed", ctypes.c_uint64)]


class SpectrumInfo(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_uint32), ("iterations", ctypes.c_uint32),
                ("lambda_max", ctypes.c_double), ("pi_min", ctypes.c_double),
                ("residual", ctypes.c_double)]


_vp = ctypes.c_void_p
_pu32 = ctypes.POINTER(ctypes.c_uint32)
_declare("thermoai_attention_workspace_bytes", ctypes.c_int, _size, _size, ctypes.POINTER(_size))
_declare("thermoai_attention_dense", ctypes.c_int, _size, _size, _vp, _vp, _vp, ctypes.c_uint32,
         _vp, _size, _vp)
_declare("thermoai_attention_cluster_mass", ctypes.c_int, _size, _size, _vp, _vp, _vp,
         ctypes.c_uint32, _vp, _size, _pd)
_declare("thermoai_attention_kernel_name", ctypes.c_int, ctypes.c_uint32,
         ctypes.POINTER(ctypes.c_char_p))
_declare("thermoai_ssa_params_init", ctypes.c_int, ctypes.POINTER(SsaParams), _size)
_declare("thermoai_ssa_create", ctypes.c_int, _size, _size, ctypes.POINTER(SsaParams),
         ctypes.POINTER(_vp))
_declare("thermoai_ssa_execute", ctypes.c_int, _vp, _vp, _vp, _vp, _vp)
_declare("thermoai_ssa_get_stats", ctypes.c_int, _vp, ctypes.POINTER(SsaStats))
_declare("thermoai_ssa_clusters", ctypes.c_int, _vp, _vp)
_declare("thermoai_ssa_free", None, _vp)
_declare("thermoai_spectral_ssa", ctypes.c_int, _vp, _vp, _vp, ctypes.POINTER(SpectrumParams),
         _size, _vp, _size, _vp, ctypes.POINTER(SpectrumInfo))
_declare("thermoai_spectral_ssa_workspace_bytes", ctypes.c_int, _vp, ctypes.POINTER(SpectrumParams),
         _size, ctypes.POINTER(_size))
_declare("thermoai_synth_params_init", ctypes.c_int, ctypes.POINTER(SynthParams), _size,
         ctypes.c_uint32)
_declare("thermoai_synth_generate", ctypes.c_int, _size, _size, ctypes.POINTER(SynthParams), _vp,
         _vp, _vp, _vp)
_declare("thermoai_spectral_params_init", ctypes.c_int, ctypes.POINTER(SpectrumParams), _size)
_declare("thermoai_spectral_attention", ctypes.c_int, _size, _size, _vp, _vp,
         ctypes.POINTER(SpectrumParams), _size, _vp, _size, _vp, ctypes.POINTER(SpectrumInfo))
_declare("thermoai_spectral_attention_workspace_bytes", ctypes.c_int, _size, _size,
         ctypes.POINTER(SpectrumParams), _size, ctypes.POINTER(_size))
_declare("thermoai_spectral_cluster_quality", ctypes.c_int, _d, _d, _d, _pd)
_declare("thermoai_spectral_fallback", ctypes.c_int, _d, _pu32)
_declare("thermoai_spectral_mixing_time_bound", ctypes.c_int, _d, _d, _d, _d, _pd)


def _floats(x, count, what):
    """A float32 buffer of count items for x (copied into array('f') when needed)."""
    if not (isinstance(x, array.array) and x.typecode == "f"):
        x = array.array("f", x)
    if len(x) != count:
        raise ValueError("%s must hold %d floats, not %d" % (what, count, len(x)))
    return x


def _addr(buf):
    return buf.buffer_info()[0]


def synth_generate(n, d, regime=SYNTH_CONCENTRATED, seed=0, clusters=0):
    """(q, k, v, labels): seeded synthetic tokens with planted clusters (synth.h)."""
    p = SynthParams()
    _check(_lib.thermoai_synth_params_init(ctypes.byref(p), ctypes.sizeof(p), regime),
           "thermoai_synth_params_init")
    p.seed = seed
    p.clusters = clusters
    q, k, v = (array.array("f", bytes(4 * n * d)) for _ in range(3))
    labels = array.array("I", bytes(4 * n))
    _check(_lib.thermoai_synth_generate(n, d, ctypes.byref(p), _addr(q), _addr(k), _addr(v),
                                        _addr(labels)), "thermoai_synth_generate")
    return q, k, v, labels


def attention_dense(q, k, v, n, d, flags=0):
    """Exact softmax(QK^T/sqrt d)V as array('f') (attention.h)."""
    q, k, v = (_floats(x, n * d, name) for x, name in ((q, "q"), (k, "k"), (v, "v")))
    size = _size()
    _check(_lib.thermoai_attention_workspace_bytes(n, d, ctypes.byref(size)),
           "thermoai_attention_workspace_bytes")
    ws = ctypes.create_string_buffer(size.value)
    y = array.array("f", bytes(4 * n * d))
    _check(_lib.thermoai_attention_dense(n, d, _addr(q), _addr(k), _addr(v), flags, ws, size.value,
                                         _addr(y)), "thermoai_attention_dense")
    return y


def attention_cluster_mass(q, k, labels, n, d, flags=0):
    """Mean in-cluster share of the exact attention (attention.h)."""
    q, k = _floats(q, n * d, "q"), _floats(k, n * d, "k")
    labels = labels if isinstance(labels, array.array) and labels.typecode == "I" \
        else array.array("I", labels)
    size = _size()
    _check(_lib.thermoai_attention_workspace_bytes(n, d, ctypes.byref(size)),
           "thermoai_attention_workspace_bytes")
    ws = ctypes.create_string_buffer(size.value)
    out = _d()
    _check(_lib.thermoai_attention_cluster_mass(n, d, _addr(q), _addr(k), _addr(labels), flags,
                                                ws, size.value, ctypes.byref(out)),
           "thermoai_attention_cluster_mass")
    return out.value


class Ssa:
    """An SSA plan (ssa.h). Use as a context manager or call close()."""

    def __init__(self, n, d, variant=SSA_PAPER, flags=0, clusters=0, samples=0, projection_dim=0,
                 kmeans_iterations=0, threads=0, seed=0):
        p = SsaParams()
        _check(_lib.thermoai_ssa_params_init(ctypes.byref(p), ctypes.sizeof(p)),
               "thermoai_ssa_params_init")
        p.variant, p.flags, p.clusters, p.samples = variant, flags, clusters, samples
        p.projection_dim, p.kmeans_iterations, p.threads, p.seed = (
            projection_dim, kmeans_iterations, threads, seed)
        self.n, self.d = n, d
        self._plan = _vp()
        _check(_lib.thermoai_ssa_create(n, d, ctypes.byref(p), ctypes.byref(self._plan)),
               "thermoai_ssa_create")

    def execute(self, q, k, v):
        """Approximate attention of row-major float32 q, k, v as array('f')."""
        q, k, v = (_floats(x, self.n * self.d, name) for x, name in ((q, "q"), (k, "k"), (v, "v")))
        y = array.array("f", bytes(4 * self.n * self.d))
        _check(_lib.thermoai_ssa_execute(self._plan, _addr(q), _addr(k), _addr(v), _addr(y)),
               "thermoai_ssa_execute")
        return y

    def stats(self):
        """The last execution's statistics as a dict."""
        st = SsaStats()
        st.struct_size = ctypes.sizeof(st)
        _check(_lib.thermoai_ssa_get_stats(self._plan, ctypes.byref(st)), "thermoai_ssa_get_stats")
        return {name: getattr(st, name) for name, _ in SsaStats._fields_ if name != "struct_size"}

    def clusters(self):
        """The query cluster of each token in the last execution."""
        out = array.array("I", bytes(4 * self.n))
        _check(_lib.thermoai_ssa_clusters(self._plan, _addr(out)), "thermoai_ssa_clusters")
        return out

    def spectrum(self, q, k, count):
        """(eigenvalues, info) of the plan's graph (spectral.h)."""
        q, k = _floats(q, self.n * self.d, "q"), _floats(k, self.n * self.d, "k")
        lam = array.array("d", bytes(8 * count))
        info = SpectrumInfo()
        info.struct_size = ctypes.sizeof(info)
        need = _size(0)
        _check(_lib.thermoai_spectral_ssa_workspace_bytes(self._plan, None, count, ctypes.byref(need)),
               "thermoai_spectral_ssa_workspace_bytes")
        work = ctypes.create_string_buffer(max(need.value, 1))
        _check(_lib.thermoai_spectral_ssa(self._plan, _addr(q), _addr(k), None, count, work,
                                          need.value, _addr(lam), ctypes.byref(info)),
               "thermoai_spectral_ssa")
        return list(lam), {"iterations": info.iterations, "lambda_max": info.lambda_max,
                           "pi_min": info.pi_min, "residual": info.residual}

    def close(self):
        if self._plan:
            _lib.thermoai_ssa_free(self._plan)
            self._plan = _vp()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()


def attention_spectrum(q, k, n, d, count, max_iterations=0, tolerance=0.0, seed=0):
    """(eigenvalues, info): the count smallest eigenvalues of L_sym (spectral.h)."""
    q, k = _floats(q, n * d, "q"), _floats(k, n * d, "k")
    p = SpectrumParams()
    _check(_lib.thermoai_spectral_params_init(ctypes.byref(p), ctypes.sizeof(p)),
           "thermoai_spectral_params_init")
    p.max_iterations, p.tolerance, p.seed = max_iterations, tolerance, seed
    lam = array.array("d", bytes(8 * count))
    info = SpectrumInfo()
    info.struct_size = ctypes.sizeof(info)
    need = _size(0)
    _check(_lib.thermoai_spectral_attention_workspace_bytes(n, d, ctypes.byref(p), count,
                                                            ctypes.byref(need)),
           "thermoai_spectral_attention_workspace_bytes")
    work = ctypes.create_string_buffer(max(need.value, 1))
    _check(_lib.thermoai_spectral_attention(n, d, _addr(q), _addr(k), ctypes.byref(p), count, work,
                                            need.value, _addr(lam), ctypes.byref(info)),
           "thermoai_spectral_attention")
    return list(lam), {"iterations": info.iterations, "lambda_max": info.lambda_max,
                       "pi_min": info.pi_min, "residual": info.residual}


def cluster_quality(lambda_k, lambda_k1, lambda_n):
    """Q = (lambda_{k+1} - lambda_k) / lambda_N."""
    return _call("thermoai_spectral_cluster_quality", lambda_k, lambda_k1, lambda_n)


def ssa_fallback(quality):
    """FALLBACK_DENSE, FALLBACK_HYBRID or FALLBACK_SSA for a cluster quality Q."""
    out = ctypes.c_uint32()
    _check(_lib.thermoai_spectral_fallback(quality, ctypes.byref(out)), "thermoai_spectral_fallback")
    return out.value


def mixing_time_bound(gap, pi_min, epsilon, delta=0.0):
    """Theorem 8.5: ln(1/(epsilon pi_min)) / (gap - delta), in steps."""
    return _call("thermoai_spectral_mixing_time_bound", gap, pi_min, epsilon, delta)


if version_number() < MIN_VERSION_NUMBER:
    raise ImportError("libthermoai %s is older than this binding (needs >= 0.1.0)"
                      % version_string())
