#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Generate the Python and Rust declarations of libthermoai from its public headers.

    python3 tools/gen_bindings.py            # rewrite the generated files
    python3 tools/gen_bindings.py --check    # exit 1 when a generated file is stale
    python3 tools/gen_bindings.py --dump     # print how each parameter is classified

The headers follow one style (doc/architecture.md): every function is declared
`THERMOAI_API [THERMOAI_NODISCARD] <type> thermoai_<name>(<params>);` after a Doxygen
comment whose `\\param[in]`, `\\param[out]` and `\\param[in,out]` lines say which
pointers are outputs and, for arrays, how many items they hold ("n x d row-major",
"\\p count values"). Structs are flat (scalars only); handles are opaque typedefs.
This script reads exactly that and nothing else: a header that leaves the style makes
it stop with a message naming the declaration.

Outputs (both committed, both checked by --check in `make check`):
  bindings/python/thermoai/_generated.py   ctypes declarations and one wrapper per function
  bindings/rust/thermoai-sys/src/generated.rs   extern "C" declarations, repr(C) structs,
                                                  constants
"""
import keyword
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INCLUDE = os.path.join(ROOT, "include", "thermoai")
PY_OUT = os.path.join(ROOT, "bindings", "python", "thermoai", "_generated.py")
RS_OUT = os.path.join(ROOT, "bindings", "rust", "thermoai-sys", "src", "generated.rs")
RS_SAFE_OUT = os.path.join(ROOT, "bindings", "rust", "thermoai", "src", "generated.rs")

SKIP_HEADERS = {"thermoai.h", "export.h"}

SCALARS = {
    "double": ("c_double", "float", "f64"),
    "float": ("c_float", "float", "f32"),
    "int": ("c_int", "int", "c_int"),
    "int32_t": ("c_int32", "int", "i32"),
    "uint32_t": ("c_uint32", "int", "u32"),
    "uint8_t": ("c_uint8", "int", "u8"),
    "uint64_t": ("c_uint64", "int", "u64"),
    "size_t": ("c_size_t", "int", "usize"),
}
# element type -> (array typecode, accepted buffer formats, item size)
ARRAY_ELEMS = {
    "float": ("f", ("f",), 4),
    "double": ("d", ("d",), 8),
    "uint32_t": ("I", ("I", "L"), 4),
    "int32_t": ("i", ("i", "l"), 4),
    "uint8_t": ("B", ("B", "c", "?"), 1),
}
INTEGER_TYPES = {"size_t", "uint32_t", "uint64_t", "int32_t", "int"}

# Dimensions the documentation names but that are not parameters of the function:
# function or handle -> {name: Python expression over the parameters}.
DIM_EXPRESSIONS = {
    "thermoai_scheduler_create": {"c": "params.controls"},
    "thermoai_scheduler_create_ex": {"c": "params.controls"},
}
# Array lengths the \\param line does not state in a form find_shape() reads.
SHAPES = {
    ("thermoai_dynamics_ou_entropy_production", "stiffness"): ("n",),
    ("thermoai_dynamics_ou_entropy_production", "offset0"): ("n",),
    ("thermoai_dynamics_ou_entropy_production", "var0"): ("n",),
    ("thermoai_ter_gap_product", "factor_lo"): ("n_factors",),
    ("thermoai_ter_gap_product", "factor_hi"): ("n_factors",),
    ("thermoai_quadrature_integrate_points", "points_s"): ("n_points",),
}
# What a handle remembers from its _create call (besides its size parameters).
# functions whose workspace is sized by a query of another name (its arguments
# must be named as the function's)
WORKSPACE_QUERY = {
    "thermoai_tip_loss_leave_one_out": "thermoai_tip_select",
    "thermoai_tip_rank_correlation": "thermoai_tip_select",
}
HANDLE_EXTRA_DIMS = {
    "thermoai_scheduler": {"c": "params.controls"},
}


class GenError(Exception):
    pass


# ---------------------------------------------------------------- parsing

def clean(text):
    """Doxygen markup to plain text: formulas kept, commands dropped."""
    text = re.sub(r"\\f\[(.*?)\\f\]", lambda m: m.group(1).strip(), text, flags=re.S)
    text = re.sub(r"\\f\$(.*?)\\f\$", lambda m: m.group(1), text, flags=re.S)
    text = re.sub(r"\\[pc] ", "", text)
    text = re.sub(r"#(THERMOAI_\w+)", r"\1", text)
    text = re.sub(r"[ \t]+", " ", text)
    return text.strip()


def parse_doc(raw):
    """A Doxygen comment -> dict(brief, body, params{name: (dir, text)}, retvals, ret, pars)."""
    lines = []
    for line in raw.split("\n"):
        line = re.sub(r"^\s*\*( |$)", "", line.rstrip())
        lines.append(line)
    doc = {"brief": "", "body": [], "params": {}, "order": [], "retvals": [], "ret": "",
           "pars": {}, "since": ""}
    cur = None  # (kind, key)
    for line in lines:
        s = line.strip()
        m = re.match(r"\\param(?:\[(in|out|in,out)\])?\s+(\w+)\s*(.*)", s)
        if m:
            doc["params"][m.group(2)] = [m.group(1) or "in", m.group(3)]
            doc["order"].append(m.group(2))
            cur = ("param", m.group(2))
            continue
        m = re.match(r"\\retval\s+(\w+)\s*(.*)", s)
        if m:
            doc["retvals"].append([m.group(1), m.group(2)])
            cur = ("retval", len(doc["retvals"]) - 1)
            continue
        m = re.match(r"\\(?:return|returns)\s*(.*)", s)
        if m:
            doc["ret"] = m.group(1)
            cur = ("ret", None)
            continue
        m = re.match(r"\\brief\s*(.*)", s)
        if m:
            doc["brief"] = m.group(1)
            cur = ("brief", None)
            continue
        m = re.match(r"\\par\s+(.*)", s)
        if m:
            doc["pars"][m.group(1).strip()] = ""
            cur = ("par", m.group(1).strip())
            continue
        m = re.match(r"\\since\s+(.*)", s)
        if m:
            doc["since"] = m.group(1)
            cur = None
            continue
        if s.startswith("\\file") or s.startswith("\\"):
            cur = None
            if not s.startswith("\\f"):
                continue
        if not s:
            if cur and cur[0] == "brief":
                cur = ("body", None)
            elif cur and cur[0] in ("param", "retval", "ret"):
                cur = None
            elif cur and cur[0] == "par":
                cur = None
            if cur is None or cur[0] == "body":
                doc["body"].append("")
            continue
        if cur is None:
            cur = ("body", None)
        kind, key = cur
        if kind == "param":
            doc["params"][key][1] += " " + s
        elif kind == "retval":
            doc["retvals"][key][1] += " " + s
        elif kind == "ret":
            doc["ret"] += " " + s
        elif kind == "brief":
            doc["brief"] += " " + s
        elif kind == "par":
            doc["pars"][key] += (" " if doc["pars"][key] else "") + s
        else:
            doc["body"].append(s)
    return doc


def parse_type(decl):
    """'const double *x' -> (base, pointers, const, name)."""
    decl = " ".join(decl.replace("*", " * ").split())
    toks = decl.split()
    name = toks[-1]
    toks = toks[:-1]
    const = "const" in toks
    toks = [t for t in toks if t not in ("const", "struct")]
    ptrs = toks.count("*")
    base = " ".join(t for t in toks if t != "*")
    return base, ptrs, const, name


def parse_headers():
    api = {"functions": [], "structs": {}, "handles": {}, "callbacks": {}, "constants": [],
           "status": []}
    names = sorted(f for f in os.listdir(INCLUDE) if f.endswith(".h") or f == "version.h.in")
    for fname in names:
        if fname in SKIP_HEADERS:
            continue
        header = fname.replace(".h.in", ".h")
        text = open(os.path.join(INCLUDE, fname), encoding="utf-8").read()
        pos, doc, experimental = 0, None, False
        token = re.compile(
            r"/\*\*(?!<)(?P<doc>.*?)\*/"
            r"|/\*(?P<plain>.*?)\*/"
            r"|^\s*#\s*if\s+defined\(THERMOAI_EXPERIMENTAL\)(?P<expon>)"
            r"|^\s*#\s*endif\s*/\*\s*THERMOAI_EXPERIMENTAL\s*\*/(?P<expoff>)"
            r"|^#define\s+(?P<macro>THERMOAI_[A-Z0-9_]+)[ \t]+(?P<mval>[^\n]*)"
            r"|^typedef\s+struct\s+(?P<opq>\w+)\s+(?P=opq)\s*;"
            r"|^typedef\s+struct\s+(?P<sname>\w+)\s*\{(?P<sbody>.*?)\}\s*(?P=sname)\s*;"
            r"|^typedef\s+(?P<cbret>[\w ]+?\**)\s*\(\*\s*(?P<cbname>\w+)\)\s*\((?P<cbargs>[^)]*)\)\s*;"
            r"|^enum\s+thermoai_status\s*\{(?P<enum>.*?)\}\s*;"
            r"|^THERMOAI_API\s+(?:THERMOAI_NODISCARD\s+)?(?P<fret>[\w ]+?[\s*]+)(?P<fname>thermoai_\w+)\s*\((?P<fargs>[^)]*)\)\s*;",
            re.S | re.M)
        for m in token.finditer(text):
            g = m.groupdict()
            if g["doc"] is not None:
                doc = g["doc"]
            elif g["plain"] is not None:
                pass
            elif g["expon"] is not None:
                experimental = True
            elif g["expoff"] is not None:
                experimental = False
            elif g["macro"]:
                val = re.sub(r"/\*.*?\*/", "", g["mval"]).strip()
                mnum = re.fullmatch(r"\(?\s*(-?(?:0x[0-9a-fA-F]+|[0-9.]+(?:e-?[0-9]+)?))([uUlL]*)\s*\)?", val)
                if mnum and not g["macro"].endswith("_H") and "VERSION" not in g["macro"]:
                    v = mnum.group(1)
                    isfloat = ("." in v or "e" in v) and not v.startswith("0x")
                    api["constants"].append({"name": g["macro"], "value": v, "float": isfloat,
                                             "doc": clean(parse_doc(doc)["brief"] or
                                                          " ".join(parse_doc(doc)["body"]))
                                             if doc else "", "header": header})
                doc = None
            elif g["opq"]:
                api["handles"][g["opq"]] = {"doc": parse_doc(doc or ""), "header": header}
                doc = None
            elif g["sname"]:
                api["structs"][g["sname"]] = parse_struct(g["sname"], g["sbody"], doc, header)
                doc = None
            elif g["cbname"]:
                args = [parse_type(a) for a in g["cbargs"].split(",")]
                api["callbacks"][g["cbname"]] = {"ret": g["cbret"].strip(), "args": args}
                doc = None
            elif g["enum"] is not None:
                for em in re.finditer(r"(THERMOAI_\w+)\s*=\s*(\d+)\s*,?\s*/\*\*<(.*?)\*/", g["enum"]):
                    api["status"].append((em.group(1), int(em.group(2)), em.group(3).strip()))
                doc = None
            elif g["fname"]:
                ret = " ".join(g["fret"].replace("*", " * ").split())
                args = [] if g["fargs"].strip() == "void" else [
                    parse_type(a) for a in g["fargs"].split(",")]
                api["functions"].append({
                    "name": g["fname"], "ret": ret, "args": args, "doc": parse_doc(doc or ""),
                    "experimental": experimental, "header": header})
                doc = None
    return api


def parse_struct(name, body, doc, header):
    fields = []
    # strip the plain (non-doc) comments, keep the /**< */ ones attached to the field before
    body = re.sub(r"/\*(?![*<]).*?\*/", "", body, flags=re.S)
    for m in re.finditer(r"([^;{}]+?);\s*(?:/\*\*<(.*?)\*/)?", body, re.S):
        decl = " ".join(m.group(1).split())
        if "(" in decl:
            mm = re.match(r"(.+?)\(\s*\*\s*(\w+)\s*\)\s*\((.*)\)", decl)
            if not mm:
                raise GenError("%s: field %r" % (name, decl))
            fields.append({"name": mm.group(2), "type": "fnptr", "doc": clean(m.group(2) or "")})
            continue
        base, ptrs, const, fname = parse_type(decl)
        if ptrs:
            fields.append({"name": fname, "type": "void*", "doc": clean(m.group(2) or "")})
        elif base in SCALARS:
            fields.append({"name": fname, "type": base, "doc": clean(m.group(2) or "")})
        else:
            raise GenError("%s: field %r has a type the generator does not know" % (name, decl))
    d = parse_doc(doc or "")
    return {"name": name, "fields": fields, "doc": d, "header": header}


# ---------------------------------------------------------------- classification

def py_name(c_name):
    return c_name[len("thermoai_"):]


def class_name(c_type):
    return "".join(p.capitalize() for p in py_name(c_type).split("_"))


def find_shape(desc, dims):
    """(dim, ...) named by a parameter description, or None."""
    text = clean(desc)
    if not dims:
        return None
    alt = "|".join(sorted((re.escape(d) for d in dims), key=len, reverse=True))
    m = re.search(r"(?<![\w.])(%s) x (%s)(?![\w(])" % (alt, alt), text)
    if m:
        return (m.group(1), m.group(2))
    m = re.search(r"(?<![\w.<>=])(%s) (?!x\b)(?:[A-Za-z][\w-]*)" % alt, text)
    if m and not re.search(r"(<=?|>=?) *$", text[:m.start()]):
        return (m.group(1),)
    return None


def classify(api):
    funcs = {f["name"]: f for f in api["functions"]}
    structs, handles, callbacks = api["structs"], api["handles"], api["callbacks"]
    workspace_fns = {f["name"][:-len("_workspace_bytes")]: f for f in api["functions"]
                     if f["name"].endswith("_workspace_bytes")}
    # handle dims: the integer scalar parameters of its _create function
    handle_dims = {}
    for h in handles:
        cr = funcs.get(h + "_create")
        dims = {}
        if cr:
            for base, ptrs, const, name in cr["args"]:
                if ptrs == 0 and base in INTEGER_TYPES:
                    dims[name] = name
        dims.update(HANDLE_EXTRA_DIMS.get(h, {}))
        handle_dims[h] = dims
    for f in api["functions"]:
        doc = f["doc"]
        # Python keywords as parameter names get a trailing underscore (lambda -> lambda_)
        for i, a in enumerate(f["args"]):
            if keyword.iskeyword(a[3]):
                f["args"][i] = (a[0], a[1], a[2], a[3] + "_")
                if a[3] in doc["params"]:
                    doc["params"][a[3] + "_"] = doc["params"].pop(a[3])
        args = f["args"]
        names = [a[3] for a in args]
        f["status"] = f["ret"] == "int" and bool(doc["retvals"])
        f["handle"] = None
        if args and args[0][0] in handles and args[0][1] == 1:
            f["handle"] = args[0][0]
        dims = {n: n for (b, p, c, n) in args if p == 0 and b in INTEGER_TYPES}
        dims.update(DIM_EXPRESSIONS.get(f["name"], {}))
        hvar = args[0][3] if f["handle"] else None
        if f["handle"]:
            for dn, expr in handle_dims[f["handle"]].items():
                dims.setdefault(dn, "%s.%s" % (hvar, dn))
        params = []
        skip = set()
        for i, (base, ptrs, const, name) in enumerate(args):
            if i in skip:
                continue
            direction, desc = doc["params"].get(name, [None, ""])
            if direction is None:
                raise GenError("%s: parameter %s has no \\param line" % (f["name"], name))
            nullable = bool(re.search(r"\bmay be NULL\b|\bor NULL\b|NULL for|NULL:|NULL means|NULL gives|NULL \(", desc))
            p = {"c": name, "base": base, "ptrs": ptrs, "const": const, "dir": direction,
                 "desc": desc, "nullable": nullable}
            sib = re.search(r"\b[Aa]s \\p (\w+)\s*(?:[.;,]|$)", desc)
            if sib and sib.group(1) in doc["params"] and not find_shape(desc, dims):
                desc = doc["params"][sib.group(1)][1] + " " + desc
            asm = re.match(r"\s*As (thermoai_\w+)\(\)", desc)
            ref = funcs.get(asm.group(1)) if asm else None
            refdesc = ref["doc"]["params"].get(name, [None, ""])[1] if ref else ""
            if ptrs == 0 and base in SCALARS:
                if name == "size" and i > 0 and args[i - 1][0] in structs and args[i - 1][1] == 1 \
                        and doc["params"].get(args[i - 1][3], ["in"])[0] == "out":
                    p["kind"] = "sizeof"
                    p["of"] = args[i - 1][0]
                elif name == "workspace_bytes":
                    p["kind"] = "ws_bytes"
                else:
                    p["kind"] = "scalar"
            elif base == "void" and ptrs == 1 and name == "workspace":
                prefix = WORKSPACE_QUERY.get(f["name"])
                for pre in ([] if prefix else sorted(workspace_fns, key=len, reverse=True)):
                    if f["name"].startswith(pre):
                        prefix = pre
                        break
                if prefix is None:
                    raise GenError("%s: workspace without a _workspace_bytes query" % f["name"])
                p["kind"] = "workspace"
                p["query"] = workspace_fns[prefix]["name"]
                p["query_args"] = [a[3] for a in workspace_fns[prefix]["args"]][:-1]
            elif base == "char" and ptrs == 1 and const:
                p["kind"] = "str_in"
            elif base == "char" and ptrs == 2:
                p["kind"] = "str_out"
            elif base in callbacks and ptrs == 0:
                p["kind"] = "callback"
                if i + 1 < len(args) and args[i + 1][0] == "void" and args[i + 1][1] == 1:
                    p["user"] = args[i + 1][3]
                    skip.add(i + 1)
            elif base in handles and ptrs == 2:
                p["kind"] = "handle_out"
            elif base in handles and ptrs == 1:
                p["kind"] = "handle"
            elif base == "thermoai_allocator" and ptrs == 1:
                p["kind"] = "allocator"
                p["nullable"] = True
            elif base in structs and ptrs == 1:
                shape = find_shape(desc, dims) or (find_shape(refdesc, dims) if ref else None)
                if shape and const:
                    p["kind"] = "struct_array_in"
                    p["shape"] = shape
                elif const or direction == "in":
                    p["kind"] = "struct_in"
                elif direction == "out" or re.search(
                        r"struct_size|Initiali[sz]ed with|overwritten|filled|As in thermoai_\w+\(\)", desc):
                    p["kind"] = "struct_out"
                else:
                    p["kind"] = "struct_inout"
            elif base in ARRAY_ELEMS and ptrs == 1 or (base == "size_t" and ptrs == 1) \
                    or (base == "uint64_t" and ptrs == 1):
                shape = find_shape(desc, dims) or (find_shape(refdesc, dims) if ref else None)
                shape = shape or SHAPES.get((f["name"], name))
                if const:
                    if not shape:
                        raise GenError("%s: input array %s: no shape in its \\param line"
                                       % (f["name"], name))
                    p["kind"] = "array_in"
                    p["shape"] = shape
                elif direction == "in":
                    raise GenError("%s: non-const input pointer %s" % (f["name"], name))
                elif shape and base in ARRAY_ELEMS:
                    p["kind"] = "array_out"
                    p["shape"] = shape
                else:
                    p["kind"] = "scalar_out"
            else:
                raise GenError("%s: parameter %s (%s%s) has no rule" % (
                    f["name"], name, base, "*" * ptrs))
            if "shape" in p:
                p["shape_expr"] = tuple(dims[d] for d in p["shape"])
            params.append(p)
        f["params"] = params
    return api


# ---------------------------------------------------------------- Python

def wrap(text, width, indent):
    words, lines, cur = text.split(), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width - len(indent):
            lines.append(indent + cur)
            cur = w
        else:
            cur = (cur + " " + w) if cur else w
    if cur:
        lines.append(indent + cur)
    return lines


def py_str(s):
    return s.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


PY_TYPE = {"scalar": None, "str_in": "str", "str_out": "str", "callback": "callable",
           "handle": None, "handle_out": None, "struct_in": None, "struct_out": None,
           "struct_inout": None, "struct_array_in": None, "array_in": None,
           "array_out": None, "scalar_out": None, "allocator": "None"}


def param_type(p, api):
    k = p["kind"]
    if k in ("scalar", "scalar_out"):
        return SCALARS[p["base"]][1]
    if k in ("handle", "handle_out"):
        return class_name(p["base"])
    if k in ("struct_in", "struct_out", "struct_inout"):
        return class_name(p["base"])
    if k == "struct_array_in":
        return "sequence of %s" % class_name(p["base"])
    if k in ("array_in", "array_out"):
        elem = {"float": "float32", "double": "float64", "uint32_t": "uint32", "uint8_t": "uint8",
                "int32_t": "int32", "size_t": "size_t", "uint64_t": "uint64"}[p["base"]]
        return "%s buffer of shape (%s)" % (elem, ", ".join(p["shape"]) + ("," if len(p["shape"]) == 1 else ""))
    return PY_TYPE[k]


def visible(p):
    return p["kind"] in ("scalar", "str_in", "callback", "handle", "struct_in", "struct_inout",
                         "struct_array_in", "array_in", "allocator")


def output(p):
    return p["kind"] in ("scalar_out", "str_out", "struct_out", "array_out", "handle_out")


def docstring(f, api, method=False):
    doc = f["doc"]
    out = []
    brief = clean(doc["brief"]) or f["name"]
    out += wrap(brief, 92, "")
    body = [clean(b) for b in doc["body"]]
    para = " ".join(body).strip()
    if para:
        out.append("")
        text, paras, cur = body, [], []
        for line in text:
            if line:
                cur.append(line)
            elif cur:
                paras.append(" ".join(cur))
                cur = []
        if cur:
            paras.append(" ".join(cur))
        for i, pa in enumerate(paras):
            if i:
                out.append("")
            out += wrap(pa, 92, "")
    vis = [p for p in f["params"] if visible(p) and not (method and p is f["params"][0])]
    if vis:
        out += ["", "Parameters", "----------"]
        for p in vis:
            t = param_type(p, api)
            out.append("%s : %s%s" % (p["c"], t, ", optional" if p.get("default") is not None else ""))
            out += wrap(clean(p["desc"]), 92, "    ")
    outs = [p for p in f["params"] if output(p)]
    if outs or (not f["status"] and f["ret"] != "void"):
        out += ["", "Returns", "-------"]
        if not outs:
            out.append({"double": "float", "size_t": "int", "uint32_t": "int", "int": "int",
                        "const char *": "str"}.get(f["ret"], f["ret"]))
            out += wrap(clean(doc["ret"]), 92, "    ")
        for p in outs:
            t = param_type(p, api)
            if p["kind"] == "array_out":
                t = "array.array of shape (%s)" % ", ".join(p["shape"])
            out.append("%s : %s" % (p["c"], t))
            out += wrap(clean(p["desc"]), 92, "    ")
        if len(outs) > 1:
            out.append("(a named tuple, in this order)")
    errs = [r for r in doc["retvals"] if r[0] != "THERMOAI_OK"]
    if errs:
        out += ["", "Raises", "------"]
        for code, text in errs:
            out += wrap("%s (%s): %s" % (error_class(code), code, clean(text)), 92, "")
    for key in ("Source", "Accuracy", "Units"):
        if key in doc["pars"]:
            out += ["", key + ": " + clean(doc["pars"][key])]
    tail = "C function: %s() in <thermoai/%s>" % (f["name"], f["header"])
    if f["experimental"]:
        tail += "; experimental tier (may change in any release)"
    out += ["", tail + "."]
    return out


def error_class(code):
    if code == "THERMOAI_OK":
        return "None"
    return "".join(p.capitalize() for p in code[len("THERMOAI_E_"):].split("_")) + "Error"


def package_version():
    text = open(os.path.join(ROOT, "configure.ac"), encoding="utf-8").read()
    parts = [re.search(r"m4_define\(\[thermoai_version_%s\],\s*\[(\d+)\]\)" % k, text).group(1)
             for k in ("major", "minor", "patch")]
    return ".".join(parts)


def emit_python(api):
    L = []
    w = L.append
    w("# SPDX-License-Identifier: MIT")
    w("# Generated by tools/gen_bindings.py from include/thermoai/*.h: do not edit.")
    w('"""Declarations and wrappers of every exported libthermoai function (generated)."""')
    w("import ctypes as _C")
    w("from collections import namedtuple as _namedtuple")
    w("")
    w("from ._runtime import (_lib, _check, _status_error, _Struct, _Handle, _in_array,")
    w("                       _out_array, _struct_in, _struct_array, _handle_ptr, _callback,")
    w("                       _workspace, _text, _out_text, Error)")
    w("")
    w("#: The library version these wrappers were generated from (configure.ac).")
    w("GENERATED_FROM_VERSION = %r" % package_version())
    w("")
    w("# ---- status codes and their exceptions")
    for code, val, text in api["status"]:
        w("%s = %d  #: %s" % (code[len("THERMOAI_"):], val, text))
    w("")
    for code, val, text in api["status"]:
        if code == "THERMOAI_OK":
            continue
        bases = "Error"
        if code in ("THERMOAI_E_INVALID", "THERMOAI_E_NONFINITE", "THERMOAI_E_DOMAIN",
                    "THERMOAI_E_UNSUPPORTED"):
            bases = "Error, ValueError"
        elif code == "THERMOAI_E_RANGE":
            bases = "Error, ArithmeticError"
        elif code == "THERMOAI_E_NOMEM":
            bases = "Error, MemoryError"
        elif code == "THERMOAI_E_NOT_FOUND":
            bases = "Error, LookupError"
        w("")
        w("class %s(%s):" % (error_class(code), bases))
        w('    """%s: %s."""' % (code, py_str(text)))
        w("    status = %d" % val)
        w("")
    w("")
    w("_ERRORS = {%s}" % ", ".join("%d: %s" % (v, error_class(c)) for c, v, t in api["status"]
                                   if c != "THERMOAI_OK"))
    w("_status_error.update(_ERRORS)")
    w("")
    w("# ---- constants")
    for c in api["constants"]:
        name = c["name"][len("THERMOAI_"):]
        if c["doc"]:
            w("#: %s" % c["doc"].split(". ")[0][:100])
        val = c["value"]
        w("%s = %s" % (name, val))
    w("")
    w("# ---- structs")
    for sname, s in sorted(api["structs"].items()):
        if sname == "thermoai_allocator":
            continue
        cls = class_name(sname)
        w("")
        w("")
        w("class %s(_Struct):" % cls)
        brief = clean(s["doc"]["brief"])
        lines = wrap("%s (%s in <thermoai/%s>)." % (brief.rstrip("."), sname, s["header"]), 88, "")
        lines += ["", "Fields:"]
        for fl in s["fields"]:
            lines += wrap("%s: %s" % (fl["name"], fl["doc"]), 88, "  ")
        w('    """' + py_str(lines[0]))
        for ln in lines[1:]:
            w(("    " + py_str(ln)) if ln else "")
        w('    """')
        w("    _c_name = %r" % sname)
        init = sname + "_init"
        has_init = any(f["name"] == init for f in api["functions"])
        w("    _init_fn = %r" % (init if has_init else None))
        w("    _size_fn = %r" % (sname + "_size" if any(f["name"] == sname + "_size"
                                                     for f in api["functions"]) else None))
        extra = [f for f in api["functions"] if f["name"] == init]
        if extra and len(extra[0]["args"]) > 2:
            w("    _init_extra = %r" % ([a[3] for a in extra[0]["args"][2:]],))
        w("    _fields_ = [")
        for fl in s["fields"]:
            t = fl["type"]
            ct = "_C." + SCALARS[t][0] if t in SCALARS else "_C.c_void_p"
            w("        (%r, %s)," % (fl["name"], ct))
        w("    ]")
    w("")
    w("# ---- handles")
    for h, info in sorted(api["handles"].items()):
        cls = class_name(h)
        free = h + "_free"
        w("")
        w("")
        w("class %s(_Handle):" % cls)
        w('    """%s (opaque %s; freed by close(), a with block or the garbage collector)."""'
          % (py_str(clean(info["doc"]["brief"] or "A handle").rstrip(".")), h))
        w("    _c_name = %r" % h)
        w("    _free_fn = %r" % free)
    w("")
    w("# ---- C declarations")
    for f in api["functions"]:
        w("_lib.%s.restype = %s" % (f["name"], c_restype(f["ret"])))
        w("_lib.%s.argtypes = [%s]" % (f["name"], ", ".join(c_argtype(a, api) for a in f["args"])))
    w("")
    w("# ---- wrappers")
    exported = []
    for f in api["functions"]:
        L.extend(emit_wrapper(f, api))
        exported.append(py_name(f["name"]))
    w("")
    w("# ---- handle methods")
    for h in sorted(api["handles"]):
        cls = class_name(h)
        for f in api["functions"]:
            if f["handle"] != h or f["name"].endswith("_free"):
                continue
            meth = py_name(f["name"])
            if f["name"].startswith(h + "_"):
                meth = f["name"][len(h) + 1:]
            L.extend(emit_method(cls, meth, f, api))
    w("")
    w("FUNCTIONS = %r" % ({py_name(f["name"]): f["name"] for f in api["functions"]},))
    w("STRUCTS = %r" % ({class_name(s): s for s in sorted(api["structs"]) if s != "thermoai_allocator"},))
    w("HANDLES = %r" % ({class_name(h): h for h in sorted(api["handles"])},))
    w("EXPERIMENTAL = %r" % (sorted(f["name"] for f in api["functions"] if f["experimental"]),))
    return "\n".join(L) + "\n"


def c_restype(ret):
    if ret == "void":
        return "None"
    if ret == "const char *":
        return "_C.c_char_p"
    if ret in SCALARS:
        return "_C." + SCALARS[ret][0]
    raise GenError("return type %r" % ret)


def c_argtype(a, api):
    base, ptrs, const, name = a
    if ptrs == 0 and base in SCALARS:
        return "_C." + SCALARS[base][0]
    if ptrs == 0 and base in api["callbacks"]:
        return "_C.c_void_p"
    if base == "char" and ptrs == 1:
        return "_C.c_char_p"
    return "_C.c_void_p"


def defaults(f):
    """Mark trailing optional parameters: nullable pointers and flags."""
    vis = [p for p in f["params"] if visible(p)]
    for p in reversed(vis):
        if p["kind"] in ("struct_in", "allocator", "array_in", "str_in") and p["nullable"]:
            p["default"] = "None"
        elif p["kind"] == "scalar" and p["c"] == "flags":
            p["default"] = "0"
        else:
            break
    return vis


def emit_body(f, api, ind, handle_target=None):
    """Lines that call f with the wrapper's parameters and compute `_res`."""
    B = []
    b = lambda s: B.append(ind + s)  # noqa: E731
    cargs = []
    outs = []
    for p in f["params"]:
        k, n = p["kind"], p["c"]
        v = "_" + n
        if k == "scalar":
            cargs.append(n)
        elif k == "sizeof":
            cargs.append("_C.sizeof(%s)" % ("_" + [q for q in f["params"]
                                                if q.get("base") == p["of"]][0]["c"]))
        elif k == "ws_bytes":
            cargs.append("_wsn")
        elif k == "workspace":
            b("_ws, _wsn = _workspace(_lib.%s, %s)" % (p["query"], ", ".join(p["query_args"])))
            cargs.append("_ws")
        elif k == "str_in":
            cargs.append("_text(%s, %r%s)" % (n, n, ", True" if p["nullable"] else ""))
        elif k == "str_out":
            b("%s = _C.c_char_p()" % v)
            cargs.append("_C.byref(%s)" % v)
            outs.append("_out_text(%s)" % v)
        elif k == "callback":
            ct = api["callbacks"][p["base"]]
            b("%s = _callback(%s, %r, %r)" % (v, n, p["base"], n))
            cargs.append("%s.pointer" % v)
            if "user" in p:
                cargs.append("None")
        elif k == "handle":
            cargs.append("_handle_ptr(%s, %s, %r)" % (n, class_name(p["base"]), n))
        elif k == "handle_out":
            b("%s = _C.c_void_p()" % v)
            cargs.append("_C.byref(%s)" % v)
            outs.append(("handle", v, p))
        elif k == "allocator":
            cargs.append("_struct_in(%s, None, %r, True)" % (n, n))
        elif k in ("struct_in", "struct_inout"):
            cargs.append("_struct_in(%s, %s, %r%s)" % (n, class_name(p["base"]), n,
                                                       ", True" if p["nullable"] else ""))
        elif k == "struct_out":
            cls = class_name(p["base"])
            b("%s = %s._blank()" % (v, cls))
            cargs.append("_C.byref(%s)" % v)
            outs.append(v)
        elif k == "struct_array_in":
            b("%s = _struct_array(%s, %s, (%s,), %r)" % (
                v, n, class_name(p["base"]), ", ".join(p["shape_expr"]), n))
            cargs.append("_C.addressof(%s)" % v)
        elif k == "array_in":
            tc = ARRAY_ELEMS.get(p["base"], ("Q" if p["base"] in ("size_t", "uint64_t") else "?",))[0]
            b("%s = _in_array(%s, %r, (%s,), %r%s)" % (
                v, n, tc, ", ".join(p["shape_expr"]), n, ", True" if p["nullable"] else ""))
            cargs.append(v + "[0]")
        elif k == "array_out":
            tc = ARRAY_ELEMS[p["base"]][0]
            b("%s = _out_array(%r, (%s,))" % (v, tc, ", ".join(p["shape_expr"])))
            cargs.append("%s.buffer_info()[0]" % v)
            outs.append(v)
        elif k == "scalar_out":
            ct = SCALARS[p["base"]][0]
            b("%s = _C.%s()" % (v, ct))
            cargs.append("_C.byref(%s)" % v)
            outs.append(v + ".value")
        else:
            raise GenError(k)
    call = "_lib.%s(%s)" % (f["name"], ", ".join(cargs))
    cbs = [q for q in f["params"] if q["kind"] == "callback"]
    if f["status"]:
        b("_check(%s, %r%s)" % (call, f["name"], "".join(", _" + q["c"] for q in cbs)))
    elif f["ret"] == "void":
        b(call)
    elif f["ret"] == "const char *":
        b("_r = %s" % call)
        outs = ["_r.decode('utf-8')"]
    else:
        b("_r = %s" % call)
        outs = ["_r"]
    exprs = []
    for o in outs:
        if isinstance(o, tuple):
            _, v, p = o
            cls = class_name(p["base"])
            dims = {}
            cr = [q for q in f["params"] if q["kind"] == "scalar"]
            dexprs = ", ".join("%r: %s" % (q["c"], q["c"]) for q in cr
                               if q["base"] in INTEGER_TYPES)
            extra = HANDLE_EXTRA_DIMS.get(p["base"], {})
            dexprs += "".join(", %r: %s" % (k2, e) for k2, e in extra.items())
            keep = ", ".join("_" + q["c"] for q in f["params"] if q["kind"] == "callback")
            if handle_target:
                b("%s._adopt(%s, {%s}, [%s])" % (handle_target, v, dexprs.lstrip(", "), keep))
                exprs.append(handle_target)
            else:
                b("_h = %s._new(%s, {%s}, [%s])" % (cls, v, dexprs.lstrip(", "), keep))
                exprs.append("_h")
        else:
            exprs.append(o)
    # keep callbacks alive with a handle argument (set_clock)
    hs = [q for q in f["params"] if q["kind"] == "handle"]
    if cbs and hs:
        b("%s._keep.extend([%s])" % (hs[0]["c"], ", ".join("_" + q["c"] for q in cbs)))
    return B, exprs


def emit_wrapper(f, api):
    L = []
    vis = defaults(f)
    name = py_name(f["name"])
    sig = ", ".join(p["c"] + ("=" + p["default"] if "default" in p else "") for p in vis)
    L.append("")
    L.append("")
    if f["name"].endswith("_free") and f["handle"]:
        p0 = f["params"][0]["c"]
        L.append("def %s(%s):" % (name, p0))
        ds = docstring(f, api)
        L.append('    """' + py_str(ds[0]))
        for ln in ds[1:]:
            L.append(("    " + py_str(ln)) if ln else "")
        L.append('    """')
        L.append("    if %s is not None:" % p0)
        L.append("        %s.close()" % p0)
        return L
    L.append("def %s(%s):" % (name, sig))
    ds = docstring(f, api)
    L.append('    """' + py_str(ds[0]))
    for ln in ds[1:]:
        L.append(("    " + py_str(ln)) if ln else "")
    L.append('    """')
    body, exprs = emit_body(f, api, "    ")
    L.extend(body)
    outs = [p for p in f["params"] if output(p)]
    if len(exprs) == 1:
        L.append("    return " + exprs[0])
    elif len(exprs) > 1:
        tname = "_" + class_name(f["name"]) + "Result"
        L.append("    return %s(%s)" % (tname, ", ".join(exprs)))
        L.insert(0, "%s = _namedtuple(%r, %r)" % (tname, class_name(f["name"]) + "Result",
                                                 [p["c"] for p in outs]))
    return L


def emit_method(cls, meth, f, api):
    vis = [p for p in f["params"] if visible(p)][1:]
    sig = ", ".join(["self"] + [p["c"] + ("=" + p["default"] if "default" in p else "")
                                for p in vis])
    call = ", ".join(["self"] + ["%s=%s" % (p["c"], p["c"]) for p in vis])
    L = ["", "", "def _%s_%s(%s):" % (cls, meth, sig)]
    ds = docstring(f, api, method=True)
    L.append('    """' + py_str(ds[0]))
    for ln in ds[1:]:
        L.append(("    " + py_str(ln)) if ln else "")
    L.append('    """')
    L.append("    return %s(%s)" % (py_name(f["name"]), call))
    L.append("")
    L.append("")
    L.append("%s.%s = _%s_%s" % (cls, meth, cls, meth))
    return L


# ---------------------------------------------------------------- Rust

RS_TYPES = {"double": "f64", "float": "f32", "int": "c_int", "int32_t": "i32",
            "uint32_t": "u32", "uint8_t": "u8", "uint64_t": "u64", "size_t": "usize", "void": "c_void",
            "char": "c_char"}


def rs_type(base, ptrs, const, api):
    if base in api["callbacks"] and ptrs == 0:
        return "Option<%s>" % rs_ident(base)
    if base in api["structs"] or base in api["handles"]:
        t = rs_ident(base)
    elif base in RS_TYPES:
        t = RS_TYPES[base]
    else:
        raise GenError("rust type %r" % base)
    if ptrs == 0:
        return t
    if ptrs == 1:
        return ("*const " if const else "*mut ") + t
    if ptrs == 2:
        return ("*mut *const " if const else "*mut *mut ") + t
    raise GenError("rust pointer depth")


def rs_ident(c):
    return c  # keep the C names in the -sys crate


def rs_doc(text, ind=""):
    return [ind + "/// " + ln if ln else ind + "///" for ln in text]


def emit_rust(api):
    L = []
    w = L.append
    w("// SPDX-License-Identifier: MIT")
    w("// Generated by tools/gen_bindings.py from include/thermoai/*.h: do not edit.")
    w("")
    w("use std::os::raw::{c_char, c_int, c_void};")
    w("")
    w("// ---- status codes (plain constants: a newer library may return codes this crate")
    w("// does not know)")
    for code, val, text in api["status"]:
        w("/// %s" % text)
        w("pub const %s: c_int = %d;" % (code, val))
    w("")
    w("// ---- constants")
    for c in api["constants"]:
        if c["doc"]:
            w("/// %s" % c["doc"].split(". ")[0][:100])
        if c["float"]:
            v = c["value"]
            if "." not in v and "e" in v:
                v = v.replace("e", ".0e")
            w("pub const %s: f64 = %s;" % (c["name"], v))
        else:
            w("pub const %s: u32 = %s;" % (c["name"], c["value"]))
    w("")
    w("// ---- structs")
    for sname, s in sorted(api["structs"].items()):
        w("")
        for ln in wrap(clean(s["doc"]["brief"]), 96, ""):
            w("/// " + ln)
        w("#[repr(C)]")
        w("#[derive(Debug, Clone, Copy)]" if sname != "thermoai_allocator" else "#[derive(Clone, Copy)]")
        w("pub struct %s {" % sname)
        for fl in s["fields"]:
            if fl["doc"]:
                for ln in wrap(fl["doc"], 92, ""):
                    w("    /// " + ln)
            if fl["type"] == "fnptr":
                t = {"alloc": "Option<unsafe extern \"C\" fn(usize, *mut c_void) -> *mut c_void>",
                     "release": "Option<unsafe extern \"C\" fn(*mut c_void, *mut c_void)>"}[fl["name"]]
            elif fl["type"] == "void*":
                t = "*mut c_void"
            else:
                t = RS_TYPES[fl["type"]]
            w("    pub %s: %s," % (rs_field(fl["name"]), t))
        w("}")
    w("")
    w("// ---- opaque handles")
    for h in sorted(api["handles"]):
        w("#[repr(C)]")
        w("pub struct %s {" % h)
        w("    _private: [u8; 0],")
        w("}")
    w("")
    w("// ---- callbacks")
    for cb, info in sorted(api["callbacks"].items()):
        args = ", ".join("%s: %s" % (rs_field(a[3]), rs_type(a[0], a[1], a[2], api)) for a in info["args"])
        ret = info["ret"]
        w("pub type %s = unsafe extern \"C\" fn(%s) -> %s;" % (cb, args, RS_TYPES.get(ret, ret)))
    w("")
    w("extern \"C\" {")
    for f in api["functions"]:
        for ln in wrap(clean(f["doc"]["brief"]), 92, ""):
            w("    /// " + ln)
        if f["experimental"]:
            w("    /// (experimental tier)")
        args = ", ".join("%s: %s" % (rs_field(a[3]), rs_type(a[0], a[1], a[2], api)) for a in f["args"])
        ret = f["ret"]
        if ret == "void":
            rs = ""
        elif ret == "const char *":
            rs = " -> *const c_char"
        else:
            rs = " -> " + RS_TYPES[ret]
        w("    pub fn %s(%s)%s;" % (f["name"], args, rs))
    w("}")
    w("")
    w("/// Every exported function, for the completeness test.")
    w("pub const FUNCTIONS: &[&str] = &[")
    for f in api["functions"]:
        w("    %r," % f["name"])
    w("];")
    w("")
    w("/// (struct name, size_of) of every struct, for the layout test.")
    w("pub fn struct_sizes() -> Vec<(&'static str, usize, Option<unsafe extern \"C\" fn() -> usize>)> {")
    w("    vec![")
    names = {f["name"] for f in api["functions"]}
    for sname in sorted(api["structs"]):
        fn = sname + "_size"
        w("        (%r, std::mem::size_of::<%s>(), %s)," % (
            sname, sname, "Some(%s as unsafe extern \"C\" fn() -> usize)" % fn if fn in names else "None"))
    w("    ]")
    w("}")
    out = "\n".join(L) + "\n"
    return out.replace("'", '"').replace('&"static', "&'static")


def rs_field(n):
    return {"type": "type_", "fn": "fn_", "ref": "ref_", "move": "move_", "loop": "loop_"}.get(n, n)


# ---------------------------------------------------------------- Rust, safe layer

RS_SAFE_KINDS = {"scalar", "scalar_out", "sizeof", "struct_in", "struct_out", "struct_inout",
                 "array_in", "array_out", "workspace", "ws_bytes", "str_in", "str_out",
                 "handle", "handle_out", "allocator"}


def rs_camel(c):
    return "Estimate" if c == "thermoai_result" else class_name(c)


def rs_dim(expr, f):
    """A shape expression of the Python layer as a Rust usize expression."""
    if "." in expr:
        obj, field = expr.split(".")
        hp = [p for p in f["params"] if p["c"] == obj]
        if hp and hp[0]["kind"] == "handle":
            return "%s.%s" % (rs_field(obj), field)
        return "(%s.%s as usize)" % (rs_field(obj), field)
    return "(%s as usize)" % rs_field(expr)


def emit_rust_safe(api):
    L = []
    w = L.append
    w("// SPDX-License-Identifier: MIT")
    w("// Generated by tools/gen_bindings.py from include/thermoai/*.h: do not edit.")
    w("#![allow(clippy::too_many_arguments, clippy::unnecessary_cast, unused_mut, unused_parens)]")
    w("")
    w("use crate::{check, c_text, shape_error, Struct};")
    w("type Result<T> = std::result::Result<T, crate::Error>;")
    w("use std::ffi::CString;")
    w("use std::os::raw::{c_char, c_int};")
    w("use std::ptr;")
    w("use thermoai_sys as sys;")
    w("")
    fnames = {f["name"]: f for f in api["functions"]}
    # type aliases and the Struct trait
    for sname, st in sorted(api["structs"].items()):
        if sname == "thermoai_allocator":
            continue
        cls = rs_camel(sname)
        w("/// %s" % clean(st["doc"]["brief"]))
        w("pub type %s = sys::%s;" % (cls, sname))
        init = fnames.get(sname + "_init")
        w("impl Struct for sys::%s {" % sname)
        w("    fn blank() -> Self {")
        w("        // SAFETY: a flat C struct of numbers: all-zero bytes are a valid value.")
        w("        let mut s: Self = unsafe { std::mem::zeroed() };")
        if init:
            w("        // the _init functions cannot fail with a valid pointer and the own size")
            w("        let st = unsafe { sys::%s(&mut s, std::mem::size_of::<Self>()%s) };"
              % (init["name"], ", 0" * (len(init["args"]) - 2)))
            w("        debug_assert_eq!(st, sys::THERMOAI_OK);")
        elif st["fields"][0]["name"] == "struct_size":
            w("        s.struct_size = std::mem::size_of::<Self>() as u32;")
        w("        s")
        w("    }")
        w("}")
        if st["fields"][0]["name"] == "struct_size":
            w("")
            w("/// Builder of a [`%s`] over the library's defaults." % cls)
            w("#[derive(Debug, Clone, Copy)]")
            w("pub struct %sBuilder(pub %s);" % (cls, cls))
            w("impl %sBuilder {" % cls)
            w("    /// The library's defaults.")
            w("    pub fn new() -> Self {")
            w("        %sBuilder(%s::blank())" % (cls, cls))
            w("    }")
            for fl in st["fields"][1:]:
                if fl["type"] not in SCALARS or fl["name"] == "reserved":
                    continue
                if fl["doc"]:
                    w("    /// %s" % " ".join(fl["doc"].split())[:200])
                w("    pub fn %s(mut self, value: %s) -> Self {" % (rs_field(fl["name"]), RS_TYPES[fl["type"]]))
                w("        self.0.%s = value;" % rs_field(fl["name"]))
                w("        self")
                w("    }")
            w("    /// The struct.")
            w("    pub fn build(self) -> %s {" % cls)
            w("        self.0")
            w("    }")
            w("}")
            w("impl Default for %sBuilder {" % cls)
            w("    fn default() -> Self {")
            w("        Self::new()")
            w("    }")
            w("}")
        w("")
    # handles
    for h in sorted(api["handles"]):
        cls = rs_camel(h)
        cr = fnames.get(h + "_create")
        dims = [a[3] for a in cr["args"] if a[1] == 0 and a[0] in INTEGER_TYPES] if cr else []
        dims += list(HANDLE_EXTRA_DIMS.get(h, {}))
        w("/// Owned %s handle (freed on drop)." % h)
        w("#[derive(Debug)]")
        w("pub struct %s {" % cls)
        w("    ptr: *mut sys::%s," % h)
        for d in dims:
            w("    /// The `%s` it was created with." % d)
            w("    pub %s: usize," % d)
        w("}")
        w("impl Drop for %s {" % cls)
        w("    fn drop(&mut self) {")
        w("        unsafe { sys::%s_free(self.ptr) }" % h)
        w("    }")
        w("}")
        w("impl %s {" % cls)
        w("    /// The C pointer, for thermoai_sys calls.")
        w("    pub fn as_ptr(&self) -> *mut sys::%s {" % h)
        w("        self.ptr")
        w("    }")
        w("}")
        w("")
    skipped = []
    for f in api["functions"]:
        kinds = {p["kind"] for p in f["params"]}
        if not kinds <= RS_SAFE_KINDS or (f["name"].endswith("_free") and f["handle"]) \
                or f["name"] in ("thermoai_strerror", "thermoai_status_name"):
            skipped.append(f["name"])
            continue
        if f["name"].endswith("_init") and any(p["kind"] == "sizeof" for p in f["params"]):
            skipped.append(f["name"])  # Struct::blank() and the builders
            continue
        L.extend(emit_rust_fn(f, api))
    w("")
    w("/// C functions with no safe wrapper here (callbacks, _init, _free, status text):")
    w("/// use thermoai_sys, Struct::blank(), the builders and Drop instead.")
    w("pub const NOT_WRAPPED: &[&str] = &[")
    for n in skipped:
        w('    "%s",' % n)
    w("];")
    return "\n".join(L) + "\n"


def emit_rust_fn(f, api):
    L = []
    b = lambda s: L.append("    " + s)  # noqa: E731
    args, pre, cargs, outs, rets = [], [], [], [], []
    carg_of, last = {}, None  # the C argument expression of each parameter so far
    for p in f["params"]:
        if last is not None and len(cargs) > last[1]:
            carg_of[last[0]] = cargs[last[1]]
        last = (p["c"], len(cargs))
        k, n = p["kind"], rs_field(p["c"])
        if k == "scalar":
            args.append("%s: %s" % (n, RS_TYPES[p["base"]]))
            cargs.append(n)
        elif k == "sizeof":
            cargs.append("std::mem::size_of::<sys::%s>()" % p["of"])
        elif k == "workspace":
            q = p["query"]
            qa = ", ".join(carg_of.get(a, rs_field(a)) for a in p["query_args"])
            pre.append("let mut wsn: usize = 0;")
            pre.append("check(unsafe { sys::%s(%s, &mut wsn) }, \"%s\")?;" % (q, qa, q))
            pre.append("let mut ws: Vec<u64> = vec![0; (wsn + 7) / 8 + 1];")
            cargs.append("ws.as_mut_ptr() as *mut std::os::raw::c_void")
        elif k == "ws_bytes":
            cargs.append("wsn")
        elif k == "str_in":
            if p["nullable"]:
                args.append("%s: Option<&str>" % n)
                pre.append("let %s_c = match %s { Some(s) => Some(CString::new(s).map_err(|_| shape_error(\"%s\", \"%s: contains NUL\"))?), None => None };" % (n, n, f["name"], n))
                cargs.append("%s_c.as_ref().map_or(ptr::null(), |c| c.as_ptr())" % n)
            else:
                args.append("%s: &str" % n)
                pre.append("let %s_c = CString::new(%s).map_err(|_| shape_error(\"%s\", \"%s: contains NUL\"))?;" % (n, n, f["name"], n))
                cargs.append("%s_c.as_ptr()" % n)
        elif k == "str_out":
            pre.append("let mut %s: *const c_char = ptr::null();" % n)
            cargs.append("&mut %s" % n)
            outs.append(("Option<String>", "c_text(%s)" % n))
        elif k in ("struct_in",):
            t = "sys::" + p["base"]
            if p["nullable"]:
                args.append("%s: Option<&%s>" % (n, t))
                cargs.append("%s.map_or(ptr::null(), |p| p as *const %s)" % (n, t))
            else:
                args.append("%s: &%s" % (n, t))
                cargs.append("%s as *const %s" % (n, t))
        elif k == "struct_inout":
            t = "sys::" + p["base"]
            args.append("%s: &mut %s" % (n, t))
            cargs.append("%s as *mut %s" % (n, t))
        elif k == "struct_out":
            t = "sys::" + p["base"]
            pre.append("let mut %s = <%s as Struct>::blank();" % (n, t))
            cargs.append("&mut %s" % n)
            outs.append((t, n))
        elif k == "allocator":
            cargs.append("ptr::null()")
        elif k == "array_in":
            t = RS_TYPES[p["base"]]
            dims = " * ".join(rs_dim(e, f) for e in p["shape_expr"])
            if p["nullable"]:
                args.append("%s: Option<&[%s]>" % (n, t))
                pre.append("if let Some(a) = %s { if a.len() != %s { return Err(shape_error(\"%s\", \"%s: wrong length\")); } }" % (n, dims, f["name"], n))
                cargs.append("%s.map_or(ptr::null(), |a| a.as_ptr())" % n)
            else:
                args.append("%s: &[%s]" % (n, t))
                pre.append("if %s.len() != %s {" % (n, dims))
                pre.append("    return Err(shape_error(\"%s\", \"%s: length is not %s\"));" % (
                    f["name"], n, " x ".join(p["shape"])))
                pre.append("}")
                cargs.append("%s.as_ptr()" % n)
        elif k == "array_out":
            t = RS_TYPES[p["base"]]
            dims = " * ".join(rs_dim(e, f) for e in p["shape_expr"])
            pre.append("let mut %s: Vec<%s> = vec![0 as %s; %s];" % (n, t, t, dims))
            cargs.append("%s.as_mut_ptr()" % n)
            outs.append(("Vec<%s>" % t, n))
        elif k == "scalar_out":
            t = RS_TYPES[p["base"]]
            pre.append("let mut %s: %s = %s;" % (n, t, "f64::NAN" if t == "f64" else "0"))
            cargs.append("&mut %s" % n)
            outs.append((t, n))
        elif k == "handle":
            cls = rs_camel(p["base"])
            mut = not p["const"]
            args.append("%s: &%s%s" % (n, "mut " if mut else "", cls))
            cargs.append("%s.ptr" % n)
        elif k == "handle_out":
            cls = rs_camel(p["base"])
            pre.append("let mut %s: *mut sys::%s = ptr::null_mut();" % (n, p["base"]))
            cargs.append("&mut %s" % n)
            dims = [q["c"] for q in f["params"] if q["kind"] == "scalar" and q["base"] in INTEGER_TYPES]
            fields = ["ptr: %s" % n] + ["%s: %s as usize" % (rs_field(d), rs_field(d)) for d in dims]
            for dn, expr in HANDLE_EXTRA_DIMS.get(p["base"], {}).items():
                obj, fld = expr.split(".")
                op = [q for q in f["params"] if q["c"] == obj][0]
                if op.get("nullable"):
                    fields.append("%s: %s.map_or(0, |p| p.%s as usize)" % (dn, rs_field(obj), fld))
                else:
                    fields.append("%s: %s.%s as usize" % (dn, rs_field(obj), fld))
            outs.append((cls, "%s { %s }" % (cls, ", ".join(fields))))
    name = py_name(f["name"])
    if name in ("type", "fn", "ref", "move", "loop", "match"):
        name += "_"
    if f["status"]:
        if len(outs) == 0:
            rt = "Result<()>"
        elif len(outs) == 1:
            rt = "Result<%s>" % outs[0][0]
        else:
            rt = "Result<(%s)>" % ", ".join(o[0] for o in outs)
    elif f["ret"] == "void":
        rt = "()"
    elif f["ret"] == "const char *":
        rt = "Option<String>"
    else:
        rt = RS_TYPES[f["ret"]]
    L.append("")
    for ln in wrap(clean(f["doc"]["brief"]), 92, ""):
        L.append("/// " + ln)
    vis = [p for p in f["params"] if visible(p) and p["kind"] != "allocator"]
    if vis or outs:
        L.append("///")
    for p in vis:
        for i, ln in enumerate(wrap("`%s`: %s" % (p["c"], clean(p["desc"])), 92, "")):
            L.append("/// " + ("- " if i == 0 else "  ") + ln)
    for p in f["params"]:
        if output(p):
            for i, ln in enumerate(wrap("returns `%s`: %s" % (p["c"], clean(p["desc"])), 92, "")):
                L.append("/// " + ("- " if i == 0 else "  ") + ln)
    L.append("///")
    L.append("/// C: `%s()` in `<thermoai/%s>`%s." % (f["name"], f["header"],
                                                   " (experimental tier)" if f["experimental"] else ""))
    L.append("pub fn %s(%s) -> %s {" % (name, ", ".join(args), rt))
    for ln in pre:
        b(ln)
    call = "unsafe { sys::%s(%s) }" % (f["name"], ", ".join(cargs))
    if f["status"]:
        b("check(%s, \"%s\")?;" % (call, f["name"]))
        if len(outs) == 0:
            b("Ok(())")
        elif len(outs) == 1:
            b("Ok(%s)" % outs[0][1])
        else:
            b("Ok((%s))" % ", ".join(o[1] for o in outs))
    elif f["ret"] == "void":
        b(call)
    elif f["ret"] == "const char *":
        b("c_text(%s)" % call)
    else:
        b(call)
    L.append("}")
    return L


# ---------------------------------------------------------------- main

def main(argv):
    api = classify(parse_headers())
    if "--dump" in argv:
        for f in api["functions"]:
            print(f["name"], "->", ", ".join(
                "%s:%s%s" % (p["c"], p["kind"], ("" if "shape" not in p else "(%s)" % "x".join(p["shape_expr"])))
                for p in f["params"]))
        return 0
    outputs = {PY_OUT: emit_python(api), RS_OUT: emit_rust(api), RS_SAFE_OUT: emit_rust_safe(api)}
    stale = []
    for path, text in outputs.items():
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != text:
            stale.append(path)
            if "--check" not in argv:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as fh:
                    fh.write(text)
    if "--check" in argv and stale:
        for path in stale:
            print("stale: %s (run python3 tools/gen_bindings.py)" % os.path.relpath(path, ROOT))
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except GenError as e:
        print("gen_bindings: %s" % e, file=sys.stderr)
        sys.exit(2)
