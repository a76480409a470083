#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The layer rules of lib/ (doc/architecture.md), checked from the source.

Domains and what each may use (transitively closed below):
    common                       nothing else
    bounds      <- common
    model       <- bounds
    cost        <- model
    attention   <- common
    prune       <- cost, attention

1. A quoted include in lib/D/ names config.h, a header of lib/D/ itself, or
   "common/X.h"; never another domain's private header, never "../".
2. A thermoai_* function or type used in lib/D/ belongs to D or to a domain D
   may use. A function belongs to the folder whose .c defines it; a type, to
   the domain of the public header that declares it (types.h, status.h,
   version.h, constants.h and export.h count as common).
3. Every public header that declares functions has their definitions in one
   domain, and a test file tests/<domain>/test_<header>.c.

Usage: check_layers.py [SRCDIR]   (exit 1 and one line per violation)
"""
import glob
import os
import re
import sys

DEPS = {
    "common": set(),
    "bounds": {"common"},
    "model": {"bounds"},
    "cost": {"model"},
    "attention": {"common"},
    "prune": {"cost", "attention"},
}
COMMON_HEADERS = {"types.h", "status.h", "version.h", "constants.h", "export.h", "thermoai.h"}


def closure():
    out = {}
    for d in DEPS:
        seen, todo = set(), list(DEPS[d])
        while todo:
            e = todo.pop()
            if e not in seen:
                seen.add(e)
                todo.extend(DEPS[e])
        out[d] = seen | {d}
    return out


def strip(text):
    """Source without comments, string and character literals."""
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)
    return re.sub(r"'(?:\\.|[^'\\\n])*'", "''", text)


def main(src):
    allowed = closure()
    errors = []
    lib = os.path.join(src, "lib")
    files = {}
    for d in DEPS:
        for p in sorted(glob.glob(os.path.join(lib, d, "*.[ch]"))):
            with open(p, encoding="utf-8") as f:
                files[p] = (d, f.read())
    for p in glob.glob(os.path.join(lib, "*", "*.[ch]")):
        if os.path.basename(os.path.dirname(p)) not in DEPS:
            errors.append("%s: lib/ folder not in the layer table" % os.path.relpath(p, src))

    # who defines each public function
    owner = {}
    for p, (d, text) in files.items():
        if p.endswith(".c"):
            for name in re.findall(r"^[A-Za-z_][\w \*]*?\b(thermoai_[a-z]\w*)\s*\(", strip(text), re.M):
                owner.setdefault(name, d)
    # public declarations: function -> header, type -> header
    header_of, type_header = {}, {}
    for h in sorted(glob.glob(os.path.join(src, "include", "thermoai", "*.h*"))):
        base = os.path.basename(h).replace(".h.in", ".h")
        with open(h, encoding="utf-8") as f:
            text = strip(f.read())
        for name in re.findall(r"THERMOAI_API\b[^;]*?\b(thermoai_\w+)\s*\(", text, re.S):
            header_of[name] = base
        for name in re.findall(r"\}\s*(thermoai_\w+)\s*;", text) + \
                re.findall(r"typedef\s+[^;]*?\(\s*\*\s*(thermoai_\w+)\s*\)", text) + \
                re.findall(r"typedef\s+struct\s+\w+\s+(thermoai_\w+)\s*;", text):
            type_header[name] = base
    header_domain = {h: "common" for h in COMMON_HEADERS}
    for name, h in header_of.items():
        d = owner.get(name)
        if d is None:
            errors.append("include/thermoai/%s: %s is declared but defined nowhere in lib/" % (h, name))
            continue
        if h in header_domain and header_domain[h] != d and h not in COMMON_HEADERS:
            errors.append("include/thermoai/%s: functions defined in lib/%s and lib/%s"
                          % (h, header_domain[h], d))
        header_domain.setdefault(h, d)
    sym_domain = dict(owner)
    for t, h in type_header.items():
        if h in header_domain:
            sym_domain[t] = header_domain[h]

    for p, (d, text) in files.items():
        rel = os.path.relpath(p, src)
        code = strip(text)
        for inc in re.findall(r'^\s*#\s*include\s+"([^"]+)"', text, re.M):
            if inc == "config.h":
                continue
            parts = inc.split("/")
            if ".." in parts:
                errors.append('%s: #include "%s" climbs out of its folder' % (rel, inc))
            elif len(parts) == 1:
                if not os.path.exists(os.path.join(lib, d, inc)):
                    errors.append('%s: #include "%s" is not a header of lib/%s' % (rel, inc, d))
            elif parts[0] != "common" or len(parts) != 2:
                errors.append('%s: #include "%s": only lib/common headers are shared' % (rel, inc))
        for name in sorted(set(re.findall(r"\b(thermoai_[a-z]\w*)\b", code))):
            e = sym_domain.get(name)
            if e is not None and e not in allowed[d]:
                errors.append("%s: uses %s of lib/%s, which lib/%s may not use" % (rel, name, e, d))

    for h, d in sorted(header_domain.items()):
        if h in COMMON_HEADERS and h not in {os.path.basename(x) for x in header_of.values()}:
            continue
        test = os.path.join(src, "tests", d, "test_%s.c" % h[:-2])
        if not os.path.exists(test):
            errors.append("include/thermoai/%s: no test file %s" % (h, os.path.relpath(test, src)))

    # three memory shapes: only the handles' default allocator calls malloc/free
    for p, (d, text) in files.items():
        if os.path.relpath(p, lib) != os.path.join("common", "arena.c") and \
                re.search(r"\b(malloc|calloc|realloc|free)\s*\(", strip(text)):
            errors.append("%s: calls the C allocator (only lib/common/arena.c may: pure, "
                          "caller workspace or handle)" % os.path.relpath(p, src))

    # the program side (cli/, repro/: the installed `thermoai`) uses no code of examples/
    for d in ("cli", "repro"):
        for p in sorted(glob.glob(os.path.join(src, d, "*.[ch]")) + glob.glob(os.path.join(src, d, "local.mk"))):
            with open(p, encoding="utf-8") as f:
                text = f.read()
            if re.search(r"\bexamples/", text if p.endswith(".mk") else
                         "\n".join(re.findall(r'^\s*#\s*include\s+"([^"]+)"', text, re.M))):
                errors.append("%s: the program side uses examples/ (the installed binary may not)"
                              % os.path.relpath(p, src))

    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else
                  os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
