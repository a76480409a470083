#!/usr/bin/env python3
"""ABI layout pins for tests/api/test_abi_layout.c, derived without a compiler.

Reads every `typedef struct thermoai_X { ... } thermoai_X;` in
include/thermoai/*.h and lays its fields out by the C rules on the platforms
the library supports (LP64 and ILP32 with 8-byte-aligned doubles): uint32_t is
4 bytes aligned 4; uint64_t and double are 8 bytes aligned 8; each field at
the next multiple of its alignment; the size rounded up to the largest
alignment. Prints the C block that lies between the markers
"BEGIN abi_layout_ref.py" and "END abi_layout_ref.py" in the test, one tap_ok
per struct pinning sizeof and every field offset as literal numbers. The
allocator (function pointers) is pinned by hand in the test.

    python3 tests/api/abi_layout_ref.py            # print the block
    python3 tests/api/abi_layout_ref.py --check    # exit 1 when the test differs
    python3 tests/api/abi_layout_ref.py --write    # rewrite the block in the test

A layout change makes --check fail (tests/api/test_api_sync.py runs it) and
the C test fail: both need a conscious edit (doc/abi-policy.md).
"""
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
TEST = os.path.join(HERE, "test_abi_layout.c")
TYPES = {"uint32_t": (4, 4), "int32_t": (4, 4), "uint64_t": (8, 8), "double": (8, 8)}
SKIP = {"thermoai_allocator"}


def structs():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "include", "thermoai", "*.h"))):
        text = re.sub(r"/\*.*?\*/", "", open(path).read(), flags=re.S)
        for m in re.finditer(r"typedef struct (thermoai_\w+) \{(.*?)\}\s*(\w+);", text, re.S):
            name, body = m.group(1), m.group(2)
            if name in SKIP:
                continue
            fields, off, align = [], 0, 1
            for decl in body.split(";"):
                decl = " ".join(decl.split())
                if not decl:
                    continue
                typ, field = decl.rsplit(" ", 1)
                if typ not in TYPES:
                    raise SystemExit("%s: field type %r is not laid out here" % (name, typ))
                size, al = TYPES[typ]
                off = (off + al - 1) // al * al
                fields.append((field, off))
                off += size
                align = max(align, al)
            out.append((os.path.basename(path), name, (off + align - 1) // align * align, fields))
    return out


def block():
    lines = []
    for header, name, size, fields in structs():
        conds = ["sizeof(%s) == %d" % (name, size)]
        conds += ["offsetof(%s, %s) == %d" % (name, f, o) for f, o in fields]
        lines.append("    /* %s */" % header)
        lines.append("    tap_ok(" + "\n           && ".join(conds) + ",")
        lines.append('           "%s: %d bytes, every field offset pinned");' % (name, size))
    return "\n".join(lines) + "\n"


def main():
    text = block()
    if len(sys.argv) > 1 and sys.argv[1] in ("--check", "--write"):
        src = open(TEST).read()
        m = re.search(r"BEGIN abi_layout_ref\.py[^\n]*\n(.*?)    /\* END abi_layout_ref\.py", src, re.S)
        if m and sys.argv[1] == "--write":
            with open(TEST, "w") as f:
                f.write(src[:m.start(1)] + text + src[m.end(1):])
            return 0
        if not m or m.group(1) != text:
            sys.stderr.write("tests/api/test_abi_layout.c: the pinned block differs from "
                             "tests/api/abi_layout_ref.py's output\n")
            return 1
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
