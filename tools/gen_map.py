#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Rewrites the unreleased THERMOAI_0.1 node of lib/thermoai.map and
abi/exported-symbols.txt from the THERMOAI_API declarations in include/.

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


def api_names():
    names = set()
    for path in glob.glob(os.path.join(SRC, "include", "thermoai", "*.h*")):
        if path.endswith("export.h"):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        names |= set(re.findall(r"THERMOAI_API\b[^;]*?\b(thermoai_\w+)\s*\(", text, re.S))
    return sorted(names)


def main():
    names = api_names()
    path = os.path.join(SRC, "lib", "thermoai.map")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    body = "".join("    %s;\n" % n for n in names)
    text = re.sub(r"(%s \{\n  global:\n)(.*?)(  local:)" % re.escape(NODE),
                  lambda m: m.group(1) + body + m.group(3), text, flags=re.S)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(SRC, "abi", "exported-symbols.txt"), "w", encoding="utf-8") as f:
        f.write("".join("%s@@%s\n" % (n, NODE) for n in names))
    print("%d symbols in %s" % (len(names), NODE))


if __name__ == "__main__":
    main()
