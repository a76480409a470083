#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Rewrites the unreleased THERMOAI_0.1 node and the THERMOAI_EXPERIMENTAL node
of lib/thermoai.map, and abi/exported-symbols.txt, from the THERMOAI_API
declarations in include/. A declaration inside an `#if defined(THERMOAI_EXPERIMENTAL)`
block is experimental (doc/abi-policy.md) and goes in the experimental node,
which is never frozen.

Run from the source tree after adding a public function:
    python3 tools/gen_map.py
Once 0.1.0 is released its node is frozen; new functions then go in a new
node by hand and this script must be taught the node of each name.
tests/test_api_sync.py checks that headers, map and list agree.
"""
import glob
import os
import re

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NODE = "THERMOAI_0.1"
EXPERIMENTAL = "THERMOAI_EXPERIMENTAL"
DECL = r"THERMOAI_API\b[^;]*?\b(thermoai_\w+)\s*\("


def experimental_blocks(text):
    """The text inside #if defined(THERMOAI_EXPERIMENTAL) ... #endif (not nested)."""
    return re.findall(r"^#if defined\(THERMOAI_EXPERIMENTAL\)\n(.*?)^#endif /\* THERMOAI_EXPERIMENTAL \*/",
                      text, re.S | re.M)


def api_names():
    """(stable, experimental) sorted lists of the declared names."""
    names, exp = set(), set()
    for path in glob.glob(os.path.join(SRC, "include", "thermoai", "*.h*")):
        if path.endswith("export.h"):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        names |= set(re.findall(DECL, text, re.S))
        for block in experimental_blocks(text):
            exp |= set(re.findall(DECL, block, re.S))
    return sorted(names - exp), sorted(exp)


def main():
    names, exp = api_names()
    path = os.path.join(SRC, "lib", "thermoai.map")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    body = "".join("    %s;\n" % n for n in names)
    text = re.sub(r"(%s \{\n  global:\n)(.*?)(  local:)" % re.escape(NODE),
                  lambda m: m.group(1) + body + m.group(3), text, flags=re.S)
    text = re.sub(r"\n%s \{.*?\n\};\n" % EXPERIMENTAL, "\n", text, flags=re.S).rstrip("\n") + "\n"
    if exp:
        text += "\n%s {\n  global:\n%s};\n" % (EXPERIMENTAL, "".join("    %s;\n" % n for n in exp))
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    rows = ["%s@@%s" % (n, NODE) for n in names] + ["%s@@%s" % (n, EXPERIMENTAL) for n in exp]
    with open(os.path.join(SRC, "abi", "exported-symbols.txt"), "w", encoding="utf-8") as f:
        f.write("".join(r + "\n" for r in sorted(rows)))
    print("%d symbols in %s, %d in %s" % (len(names), NODE, len(exp), EXPERIMENTAL))


if __name__ == "__main__":
    main()
