# SPDX-License-Identifier: MIT
"""Loading libthermoai and the helpers the generated wrappers call (standard library only)."""
import array
import ctypes
import ctypes.util
import os
import sys

#: The SONAME major version this package was generated for (thermoai_version_abi()).
ABI_VERSION = 0
#: The lowest library version this package works with (MAJOR*1000000 + MINOR*1000 + PATCH).
MIN_VERSION_NUMBER = 1000

try:  # written by `make` (build tree), `make install` and the pip build
    from . import _build_config
except ImportError:  # a bare copy of the source tree
    _build_config = None


def _candidates():
    """Paths to try, in order: $THERMOAI_LIBRARY (an explicit override, never required),
    the installed prefix baked at install time, the build tree, then the loader path."""
    names = ["libthermoai.so.%d" % ABI_VERSION, "libthermoai.so"]
    if sys.platform == "darwin":
        names = ["libthermoai.%d.dylib" % ABI_VERSION, "libthermoai.dylib"]
    out = []
    env = os.environ.get("THERMOAI_LIBRARY")
    if env:
        out.append(("THERMOAI_LIBRARY", env))
    libdir = getattr(_build_config, "LIBDIR", None)
    if libdir:
        out += [("installed prefix", os.path.join(libdir, n)) for n in names]
    builddir = getattr(_build_config, "BUILDDIR", None)
    here = os.path.dirname(os.path.abspath(__file__))
    trees = [builddir] if builddir else []
    trees.append(os.path.dirname(os.path.dirname(os.path.dirname(here))))  # srcdir == builddir
    for tree in trees:
        out += [("build tree", os.path.join(tree, "lib", ".libs", n)) for n in names]
    found = ctypes.util.find_library("thermoai")
    out += [("loader path", n) for n in names]
    if found:
        out.append(("loader path", found))
    return out


def _load():
    tried = []
    for where, path in _candidates():
        if os.path.isabs(path) and not os.path.exists(path):
            tried.append("%s: %s (absent)" % (where, path))
            continue
        try:
            lib = ctypes.CDLL(path)
        except OSError as e:
            tried.append("%s: %s (%s)" % (where, path, e))
            continue
        lib._thermoai_path = path
        return lib
    raise ImportError("libthermoai not found; tried:\n  " + "\n  ".join(tried))


_lib = _load()
_lib.thermoai_version_abi.restype = ctypes.c_int
_lib.thermoai_version_abi.argtypes = []
_lib.thermoai_version_number.restype = ctypes.c_uint32
_lib.thermoai_version_number.argtypes = []
_lib.thermoai_version_string.restype = ctypes.c_char_p
_lib.thermoai_version_string.argtypes = []
_lib.thermoai_status_name.restype = ctypes.c_char_p
_lib.thermoai_status_name.argtypes = [ctypes.c_int]
_lib.thermoai_strerror.restype = ctypes.c_char_p
_lib.thermoai_strerror.argtypes = [ctypes.c_int]

if _lib.thermoai_version_abi() != ABI_VERSION:
    raise ImportError("%s has ABI %d; this thermoai package needs ABI %d"
                      % (_lib._thermoai_path, _lib.thermoai_version_abi(), ABI_VERSION))
if _lib.thermoai_version_number() < MIN_VERSION_NUMBER:
    raise ImportError("%s is libthermoai %s, older than this package (needs >= 0.1.0)"
                      % (_lib._thermoai_path, _lib.thermoai_version_string().decode()))


class Error(Exception):
    """A thermoai function returned a status other than THERMOAI_OK.

    Attributes: status (the int code), name (e.g. "THERMOAI_E_RANGE"), function (the C
    function). Each code has its own subclass (thermoai.RangeError, ...).
    """
    status = None

    def __init__(self, status, function):
        self.status = status
        self.name = _lib.thermoai_status_name(status).decode("ascii")
        self.function = function
        super().__init__("%s: %s (%s)" % (function, _lib.thermoai_strerror(status).decode(),
                                          self.name))


_status_error = {}


def _check(status, function, callback=None):
    if status != 0:
        err = _status_error.get(status, Error)(status, function)
        if callback is not None and callback.error is not None:
            raise err from callback.error
        raise err


# ---------------------------------------------------------------- structs

class _Struct(ctypes.Structure):
    """Base of the struct mirrors: keyword construction over the library's defaults."""
    _c_name = None
    _init_fn = None
    _size_fn = None
    _init_extra = ()

    def __init__(self, *args, **fields):
        if args and not self._init_fn and self._fields_[0][0] != "struct_size":
            super().__init__(*args, **fields)  # plain structs: positional fields
            return
        super().__init__()
        extra = dict(zip(self._init_extra, args))
        if len(args) > len(self._init_extra):
            raise TypeError("%s takes keyword arguments only" % type(self).__name__)
        for k in self._init_extra:
            if k in fields:
                extra[k] = fields.pop(k)
        self._defaults(**extra)
        names = {f[0] for f in self._fields_}
        for key, value in fields.items():
            if key not in names:
                raise TypeError("%s has no field %r" % (type(self).__name__, key))
            setattr(self, key, value)

    def _defaults(self, **extra):
        if self._init_fn:
            fn = getattr(_lib, self._init_fn)
            args = [ctypes.byref(self), ctypes.sizeof(self)]
            args += [extra.get(k, 0) for k in self._init_extra]
            _check(fn(*args), self._init_fn)
        elif self._fields_[0][0] == "struct_size":
            self.struct_size = ctypes.sizeof(self)

    @classmethod
    def _blank(cls, **extra):
        obj = cls.__new__(cls)
        ctypes.Structure.__init__(obj)
        obj._defaults(**extra)
        return obj

    def _asdict(self):
        return {f[0]: getattr(self, f[0]) for f in self._fields_
                if f[0] not in ("struct_size", "reserved")}

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__,
                           ", ".join("%s=%r" % kv for kv in self._asdict().items()))

    def __eq__(self, other):
        return type(self) is type(other) and bytes(self) == bytes(other)

    __hash__ = None

    def __iter__(self):
        """Plain structs (interval, result) unpack: lo, hi = interval."""
        if self._fields_[0][0] == "struct_size":
            raise TypeError("%s does not unpack; use its fields" % type(self).__name__)
        return iter(tuple(getattr(self, f[0]) for f in self._fields_))

    def copy(self):
        """A copy of this struct."""
        return type(self).from_buffer_copy(self)


def _struct_in(value, cls, what, nullable=False):
    if value is None:
        if nullable:
            return None
        raise TypeError("%s: expected a %s, not None" % (what, cls.__name__ if cls else "struct"))
    if cls is not None and not isinstance(value, cls):
        raise TypeError("%s: expected thermoai.%s, got %s" % (what, cls.__name__,
                                                             type(value).__name__))
    return ctypes.addressof(value)


def _struct_array(values, cls, shape, what):
    count = _prod(shape)
    items = list(values)
    if len(items) != count:
        raise ValueError("%s: expected %d %s, got %d" % (what, count, cls.__name__, len(items)))
    arr = (cls * count)()
    for i, item in enumerate(items):
        if isinstance(item, cls):
            arr[i] = item
        else:
            arr[i] = cls(*item) if not cls._init_fn and cls._fields_[0][0] != "struct_size" \
                else cls(**item)
    return arr


# ---------------------------------------------------------------- handles

class _Handle:
    """Base of the opaque handles: freed by close(), a with block or the collector."""
    _c_name = None
    _free_fn = None
    _ptr = None

    def __init__(self, *args, **kwargs):
        raise TypeError("create a %s with thermoai.%s_create()" % (
            type(self).__name__, self._c_name[len("thermoai_"):]))

    @classmethod
    def _new(cls, ptr, dims, keep):
        obj = cls.__new__(cls)
        obj._adopt(ptr, dims, keep)
        return obj

    def _adopt(self, ptr, dims, keep):
        self._ptr = ptr.value
        self._dims = dict(dims)
        self._keep = list(keep)
        for k, v in dims.items():
            setattr(self, k, v)

    def close(self):
        """Free the C handle (idempotent)."""
        if self._ptr:
            getattr(_lib, self._free_fn)(ctypes.c_void_p(self._ptr))
            self._ptr = None

    @property
    def closed(self):
        return not self._ptr

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # interpreter shutdown
            pass

    def __repr__(self):
        state = "closed" if self.closed else "open"
        return "<thermoai.%s %s %s>" % (type(self).__name__, state, ", ".join(
            "%s=%r" % kv for kv in sorted(getattr(self, "_dims", {}).items())))


def _handle_ptr(value, cls, what):
    if not isinstance(value, cls):
        raise TypeError("%s: expected a thermoai.%s, got %s" % (what, cls.__name__,
                                                               type(value).__name__))
    if not value._ptr:
        raise ValueError("%s: the %s is closed" % (what, cls.__name__))
    return value._ptr


# ---------------------------------------------------------------- arrays

_NAMES = {"f": "float32", "d": "float64", "I": "uint32", "i": "int32", "Q": "uint64", "B": "uint8"}
_SIZES = {"f": 4, "d": 8, "I": 4, "i": 4, "Q": 8, "B": 1}
_FORMATS = {"f": ("f",), "d": ("d",), "I": ("I", "L"), "i": ("i", "l"), "Q": ("Q", "L", "N"),
            "B": ("B", "c", "?")}


def _prod(shape):
    n = 1
    for s in shape:
        n *= int(s)
    return n


def _fmt(mv):
    f = mv.format
    return f[1:] if f[:1] in "@=<" else f


def _in_array(value, code, shape, what, nullable=False):
    """(address, keep-alive) of value as a C array of `code` items in `shape`.

    Buffers (numpy arrays, array.array, memoryview) must be C-contiguous, of exactly
    that element type and of that shape (or flat with that many items): a writable one
    is passed without a copy, a read-only one is copied once. Lists and tuples (nested
    for 2-D) are converted. Anything else is rejected with a message.
    """
    count = _prod(shape)
    if value is None:
        if nullable:
            return None, None
        raise TypeError("%s: expected a %s buffer of shape %s, not None" % (
            what, _NAMES[code], tuple(shape)))
    try:
        mv = memoryview(value)
    except TypeError:
        mv = None
    if mv is None:
        if isinstance(value, (list, tuple)):
            flat = []
            for item in value:
                if isinstance(item, (list, tuple)):
                    flat.extend(item)
                else:
                    flat.append(item)
            if len(flat) != count:
                raise ValueError("%s: expected %d values (shape %s), got %d" % (
                    what, count, tuple(shape), len(flat)))
            arr = array.array(code if code != "Q" else "Q", flat)
            return arr.buffer_info()[0], arr
        raise TypeError("%s: expected a C-contiguous %s buffer (numpy array, array.array) "
                        "or a list, got %s" % (what, _NAMES[code], type(value).__name__))
    fmt = _fmt(mv)
    if fmt not in _FORMATS[code] or mv.itemsize != _SIZES[code]:
        raise TypeError("%s: expected %s items, got format %r (itemsize %d); convert "
                        "explicitly, e.g. numpy.ascontiguousarray(x, dtype=numpy.%s)" % (
                            what, _NAMES[code], mv.format, mv.itemsize, _NAMES[code]))
    if not mv.c_contiguous:
        raise ValueError("%s: the buffer is not C-contiguous; pass "
                         "numpy.ascontiguousarray(x)" % what)
    if not (tuple(mv.shape) == tuple(int(s) for s in shape)
            or (mv.ndim == 1 and mv.shape[0] == count)):
        raise ValueError("%s: expected shape %s (%d items), got shape %s" % (
            what, tuple(int(s) for s in shape), count, tuple(mv.shape)))
    if count == 0:
        return None, None
    if mv.readonly:
        buf = (ctypes.c_char * mv.nbytes).from_buffer_copy(mv)
    else:
        buf = (ctypes.c_char * mv.nbytes).from_buffer(mv.cast("B"))
    return ctypes.addressof(buf), (buf, mv)


def _out_array(code, shape):
    """A zeroed array.array for an output of `shape` (its length is the item count)."""
    return array.array(code, bytes(_SIZES[code] * _prod(shape)))


# ---------------------------------------------------------------- callbacks

_CALLBACKS = {
    "thermoai_time_fn": ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_double, ctypes.c_void_p,
                                         ctypes.POINTER(ctypes.c_double)),
    "thermoai_clock_fn": ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_void_p),
}


class _callback:
    """A Python callable as a C callback; an exception inside is re-raised after the call."""

    def __init__(self, fn, kind, what):
        if fn is None:
            self.pointer = None
            self.error = None
            return
        if not callable(fn):
            raise TypeError("%s: expected a callable" % what)
        self.error = None
        if kind == "thermoai_time_fn":
            def trampoline(t, _user, out):
                try:
                    out[0] = float(fn(t))
                    return 0
                except BaseException as e:  # the library reports THERMOAI_E_CALLBACK
                    self.error = e
                    return 1
        else:
            def trampoline(_user):
                try:
                    return float(fn())
                except BaseException as e:
                    self.error = e
                    return float("nan")
        self.cfunc = _CALLBACKS[kind](trampoline)
        self.pointer = ctypes.cast(self.cfunc, ctypes.c_void_p)


def _workspace(query, *args):
    n = ctypes.c_size_t()
    _check(query(*(list(args) + [ctypes.byref(n)])), query.__name__)
    buf = ctypes.create_string_buffer(max(n.value, 1))
    return buf, n.value


def _text(value, what, nullable=False):
    if value is None:
        if nullable:
            return None
        raise TypeError("%s: expected a str, not None" % what)
    if isinstance(value, bytes):
        return value
    if not isinstance(value, str):
        raise TypeError("%s: expected a str, got %s" % (what, type(value).__name__))
    return value.encode("utf-8")


def _out_text(ptr):
    return None if ptr.value is None else ptr.value.decode("utf-8")
