# SPDX-License-Identifier: MIT
"""thermoai: the thermodynamic bounds and energy models of libthermoai, from Python.

Every exported C function ``thermoai_X`` is ``thermoai.X`` here, with a real signature
(keyword arguments work), its C documentation (formula, units, domain, source) as the
docstring, and outputs returned instead of written through pointers::

    >>> import thermoai
    >>> thermoai.landauer_energy_per_bit_j(300.0)
    2.870978885078724e-21
    >>> thermoai.landauer_energy_j(bits=1e9, temperature_k=300.0)
    2.870978885078724e-12

A status other than THERMOAI_OK raises a subclass of :class:`thermoai.Error`
(``InvalidError``, ``RangeError``, ...) carrying ``.status``, ``.name`` (e.g.
"THERMOAI_E_RANGE") and ``.function``: no NaN is ever returned to inspect.

Structs are ctypes mirrors built over the library's defaults, with keyword fields and a
readable repr (``thermoai.EntropyParams(seq_len=2048)``); handles (``Ssa``, ``Ib``,
``RdBa``, ``Scheduler``, ``GraphSampler``) free themselves and work in ``with`` blocks.
Arrays go through the buffer protocol: a C-contiguous buffer of exactly the C element
type (float32 for attention, float64 elsewhere) and shape is passed without a copy
(numpy is optional); other dtypes and non-contiguous buffers are rejected with a
message; plain lists are converted. Array outputs come back as ``array.array``
(``numpy.frombuffer(out, numpy.float32)`` views one without a copy).

The library is found without environment variables: the prefix baked in at install
time, then the build tree, then the loader path ($THERMOAI_LIBRARY, when set, comes
first). Importing checks that the library's ABI matches this package.
"""
import json as _json

from ._runtime import Error, ABI_VERSION, MIN_VERSION_NUMBER, _lib
from ._generated import *  # noqa: F401,F403
from . import _generated
from ._generated import (FUNCTIONS, STRUCTS, HANDLES, ModelArch, EntropyParams,  # noqa: F401
                         model_preset_find, model_preset_count, model_preset_info,
                         model_preset_status, hardware_preset_count, hardware_preset_info,
                         hardware_preset_status, loss_preset_count, loss_preset_info,
                         cost_serving_preset_count, cost_serving_preset_info,
                         carbon_grid_count, carbon_grid_info, quadrature_integrate)

#: The package version (the library version it was generated from).
__version__ = _generated.GENERATED_FROM_VERSION
#: The path of the loaded libthermoai.
library_path = _lib._thermoai_path

#: Former name of :class:`Error`.
ThermoaiError = Error


class Preset:
    """A named preset: ``name``, ``source`` (where its values come from), ``value`` (the
    struct), and for models and hardware ``status`` and ``as_of``."""
    __slots__ = ("name", "source", "value", "status", "as_of")

    def __init__(self, name, source, value, status=None, as_of=None):
        self.name, self.source, self.value = name, source, value
        self.status, self.as_of = status, as_of

    def __repr__(self):
        return "Preset(name=%r, source=%r, value=%r)" % (self.name, self.source, self.value)


def _presets(count, info, status=None):
    out = []
    for i in range(count()):
        name, source, value = info(i)
        st = status(i) if status else (None, None)
        out.append(Preset(name, source, value, st[0], st[1]))
    return out


def model_presets():
    """Every model preset as a :class:`Preset` of a :class:`ModelArch`."""
    return _presets(model_preset_count, model_preset_info, model_preset_status)


def hardware_presets():
    """Every hardware preset as a :class:`Preset` of a :class:`Hardware`."""
    return _presets(hardware_preset_count, hardware_preset_info, hardware_preset_status)


def loss_presets():
    """Every loss-law preset as a :class:`Preset` of a :class:`LossModel`."""
    return _presets(loss_preset_count, loss_preset_info)


def serving_presets():
    """Every serving preset as a :class:`Preset` of a :class:`CostServing`."""
    return _presets(cost_serving_preset_count, cost_serving_preset_info)


def carbon_grids():
    """[(name, grid_g_per_kwh, source)] of every grid intensity preset."""
    return [tuple(carbon_grid_info(i)) for i in range(carbon_grid_count())]


def _from_preset(cls, name):
    """The preset of that name (raises NotFoundError)."""
    return model_preset_find(name)


ModelArch.from_preset = classmethod(_from_preset)

# Hugging Face config.json keys -> ModelArch fields (the first key present wins).
_HF_KEYS = {
    "layers": ("num_hidden_layers", "n_layer", "num_layers"),
    "heads": ("num_attention_heads", "n_head"),
    "kv_heads": ("num_key_value_heads", "num_kv_heads"),
    "d_model": ("hidden_size", "n_embd", "d_model"),
    "d_ff": ("intermediate_size", "n_inner", "ffn_dim"),
    "vocab_size": ("vocab_size",),
    "context_length": ("max_position_embeddings", "n_positions", "max_sequence_length"),
    "head_dim": ("head_dim",),
    "experts": ("num_local_experts", "n_routed_experts", "num_experts"),
    "active_experts": ("num_experts_per_tok", "moe_top_k"),
    "shared_experts": ("n_shared_experts",),
    "first_dense_layers": ("first_k_dense_replace",),
    "expert_d_ff": ("moe_intermediate_size",),
    "sliding_window": ("sliding_window",),
    "q_lora_rank": ("q_lora_rank",),
    "kv_lora_rank": ("kv_lora_rank",),
    "rope_head_dim": ("qk_rope_head_dim",),
    "v_head_dim": ("v_head_dim",),
}
_GATED = ("silu", "swiglu", "gelu_pytorch_tanh", "geglu")


def _from_hf_config(cls, path_or_dict, precision_bits=16.0):
    """A ModelArch from a Hugging Face ``config.json`` (a path or the parsed dict).

    Reads the usual keys of decoder-only configs (Llama, Mistral, Qwen, Gemma, GPT-2,
    Mixtral, DeepSeek); gated FFN when the activation is SiLU/GeGLU; tied embeddings from
    ``tie_word_embeddings``. The parameter count is left 0 (computed from the
    dimensions). The result is checked with model_arch_check().
    """
    cfg = path_or_dict
    if not isinstance(cfg, dict):
        with open(cfg, encoding="utf-8") as fh:
            cfg = _json.load(fh)
    if "text_config" in cfg:
        cfg = dict(cfg["text_config"], **{k: v for k, v in cfg.items() if k != "text_config"})
    arch = cls()
    for field, keys in _HF_KEYS.items():
        for k in keys:
            if cfg.get(k) is not None:
                setattr(arch, field, int(cfg[k]))
                break
    if not arch.kv_heads:
        arch.kv_heads = arch.heads
    if not arch.head_dim and arch.heads:
        arch.head_dim = arch.d_model // arch.heads
    if not arch.d_ff:
        arch.d_ff = 4 * arch.d_model
    act = str(cfg.get("hidden_act") or cfg.get("activation_function") or "").lower()
    flags = 0
    if act in _GATED:
        flags |= MODEL_GATED_FFN  # noqa: F405
    if cfg.get("tie_word_embeddings", cfg.get("model_type") == "gpt2"):
        flags |= MODEL_TIED_EMBEDDINGS  # noqa: F405
    if cfg.get("model_type") == "gpt2":
        flags |= MODEL_LEARNED_POSITIONS | MODEL_LINEAR_BIAS | MODEL_NORM_BIAS  # noqa: F405
    arch.flags = flags
    arch.precision_bits = precision_bits
    model_arch_check(arch)  # noqa: F405
    return arch


ModelArch.from_hf_config = classmethod(_from_hf_config)


# ---- short forms kept from the first binding ------------------------------------------

def abi_version():
    """SONAME major version of the loaded library (thermoai_version_abi())."""
    return version_abi()  # noqa: F405


def model_arch(preset=None, **fields):
    """A ModelArch: the named preset (or the defaults), then the given fields."""
    arch = model_preset_find(preset) if preset is not None else ModelArch()
    for key, value in fields.items():
        if key not in dict(ModelArch._fields_):
            raise TypeError("ModelArch has no field %r" % key)
        setattr(arch, key, value)
    return arch


def entropy_params(**fields):
    """EntropyParams(**fields): the library's defaults, then the given fields."""
    return EntropyParams(**fields)


def flux_integrate(fn, t0_s, t1_s, rel_tol=1e-10):
    """(value, error) of the integral of fn(t) over [t0_s, t1_s] (quadrature_integrate())."""
    r = quadrature_integrate(fn, t0_s, t1_s, rel_tol)
    return r.val, r.err
