# SPDX-License-Identifier: MIT
"""The public API is declared, exported, documented and versioned consistently.

- every THERMOAI_API function in include/thermoai/*.h is listed in lib/thermoai.map
  and in abi/exported-symbols.txt, and nothing else is;
- every declaration has a Doxygen block with \\since;
- units lint: every double parameter's \\param line states "Unit:" or "[dimensionless]";
- configure.ac's version heads NEWS, and the map's newest node is not newer;
- one name per module: every function, type and macro of X.h is thermoai_X_* or
  THERMOAI_X_* (the exceptions are listed in EXCEPTIONS, each with its reason);
- every size-field struct (first member uint32_t struct_size) has _init and _size.
"""
import glob
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "harness"))
import taplib  # noqa: E402

SRC = taplib.env("top_srcdir")
BUILD = taplib.env("top_builddir")


def headers():
    paths = sorted(glob.glob(os.path.join(SRC, "include", "thermoai", "*.h")))
    paths.append(os.path.join(BUILD, "include", "thermoai", "version.h"))
    return paths


def declarations():
    """(name, doc comment, parameter list) for each THERMOAI_API function.

    A THERMOAI_API declaration without a Doxygen block right before it shows
    up as a name starting with '<undocumented'.
    """
    out = []
    for path in headers():
        if path.endswith("export.h"):
            continue  # defines the macro, declares nothing
        with open(path, encoding="utf-8") as f:
            text = f.read()
        found = [(m.group(3), m.group(1), m.group(4)) for m in re.finditer(
            r"/\*\*((?:(?!\*/).)*)\*/\s*THERMOAI_API\b([^;]*?)\b(thermoai_\w+)\s*\(([^)]*)\)\s*;",
            text, re.S)]
        if len(found) != len(re.findall(r"THERMOAI_API\b", text)):
            found.append(("<undocumented declaration in %s>" % os.path.basename(path), "", ""))
        out += found
    return out


def map_names():
    with open(os.path.join(SRC, "lib", "thermoai.map"), encoding="utf-8") as f:
        text = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
    return set(re.findall(r"^\s*(thermoai_\w+)\s*;", text, re.M)), \
        re.findall(r"^(THERMOAI_[\d.]+)\s*\{", text, re.M)


def exported_list():
    with open(os.path.join(SRC, "abi", "exported-symbols.txt"), encoding="utf-8") as f:
        return {line.split("@@")[0] for line in f.read().split()}


# Names that do not carry their header's prefix, and why.
EXCEPTIONS = {
    "status.h": {"thermoai_strerror",            # the C library's name for the same job
                 "thermoai_status",               # the enum is the module
                 "THERMOAI_OK"},                  # with THERMOAI_E_*: the codes every module returns
    "export.h": {"THERMOAI_API", "THERMOAI_NODISCARD", "THERMOAI_DEPRECATED", "THERMOAI_CDEF",
                 "THERMOAI_STATIC", "THERMOAI_BUILDING", "THERMOAI_EXPERIMENTAL"},
    "thermoai.h": {"THERMOAI_H", "THERMOAI_H_INSIDE"},
    "types.h": {"thermoai_result", "thermoai_interval", "thermoai_allocator", "thermoai_time_fn",
                "thermoai_clock_fn"},          # shared plain types, one home for all modules
    "ssa.h": {"thermoai_ssa"},                    # the handle type is the module's name
}


def strip_comments(text):
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S)


class ApiSync(unittest.TestCase):
    def test_one_name_per_module(self):
        for path in headers():
            base = os.path.basename(path)
            module = base[:-2]
            text = strip_comments(open(path, encoding="utf-8").read())
            names = set(re.findall(r"THERMOAI_API\b[^;]*?\b(thermoai_\w+)\s*\(", text, re.S))
            names |= set(re.findall(r"\}\s*(thermoai_\w+)\s*;", text))
            names |= set(re.findall(r"typedef\s+[^;]*?\(\s*\*\s*(thermoai_\w+)\s*\)", text))
            names |= set(re.findall(r"(?:struct|enum)\s+(thermoai_\w+)\s*\{", text))
            names |= set(re.findall(r"^\s*#\s*define\s+(THERMOAI_\w+)", text, re.M))
            names |= set(re.findall(r"^\s*(THERMOAI_\w+)\s*=", text, re.M))
            allowed = EXCEPTIONS.get(base, set())
            for name in sorted(names):
                if name in allowed or name == "THERMOAI_%s_H" % module.upper():
                    continue
                if base == "status.h" and name.startswith("THERMOAI_E_"):
                    continue
                with self.subTest(header=base, name=name):
                    self.assertTrue(name.startswith("thermoai_%s_" % module) or name == "thermoai_" + module
                                    or name.startswith("THERMOAI_%s_" % module.upper()),
                                    "%s in %s lacks the prefix thermoai_%s_" % (name, base, module))

    def test_size_field_structs_have_init_and_size(self):
        decl = {d[0] for d in declarations()}
        for path in headers():
            text = strip_comments(open(path, encoding="utf-8").read())
            for m in re.finditer(r"typedef\s+struct\s+(thermoai_\w+)\s*\{\s*uint32_t\s+struct_size\s*;", text):
                name = m.group(1)
                with self.subTest(struct=name):
                    self.assertIn(name + "_init", decl)
                    self.assertIn(name + "_size", decl)

    def test_header_map_export_lists_agree(self):
        decl = {d[0] for d in declarations()}
        names, _ = map_names()
        self.assertEqual(decl, names, "headers vs lib/thermoai.map")
        self.assertEqual(names, exported_list(), "lib/thermoai.map vs abi/exported-symbols.txt")

    def test_every_declaration_has_since(self):
        for name, doc, _ in declarations():
            with self.subTest(name=name):
                self.assertIn("\\since", doc)

    def test_units_lint(self):
        for name, doc, params in declarations():
            for p in params.split(","):
                p = p.strip()
                m = re.match(r"(?:const\s+)?double\s*\*?\s*(\w+)$", p)
                if not m:
                    continue
                pname = m.group(1)
                with self.subTest(function=name, param=pname):
                    line = re.search(r"\\param(?:\[\w+\])?\s+%s\b(.*?)(?=\\param|\\retval|\\return|\\par|\\since|$)"
                                     % pname, doc, re.S)
                    self.assertIsNotNone(line, "no \\param for %s" % pname)
                    self.assertTrue("Unit:" in line.group(1) or "[dimensionless]" in line.group(1),
                                    "\\param %s states no unit" % pname)

    def test_abi_layout_pins_match_headers(self):
        """tests/api/test_abi_layout.c pins what abi_layout_ref.py derives from the headers."""
        import subprocess
        script = os.path.join(SRC, "tests", "api", "abi_layout_ref.py")
        res = subprocess.run([sys.executable, script, "--check"], stderr=subprocess.PIPE,
                             universal_newlines=True)
        self.assertEqual(res.returncode, 0, res.stderr)

    def test_versions_agree(self):
        with open(os.path.join(SRC, "configure.ac"), encoding="utf-8") as f:
            ac = f.read()
        ver = ".".join(re.search(r"m4_define\(\[thermoai_version_%s\],\s*\[(\d+)\]\)" % part, ac).group(1)
                       for part in ("major", "minor", "patch"))
        self.assertEqual(ver, os.environ.get("PACKAGE_VERSION", ver))
        with open(os.path.join(SRC, "NEWS"), encoding="utf-8") as f:
            first = next(line for line in f if line.strip())
        self.assertIn(ver, first, "NEWS must start with the current version")
        _, nodes = map_names()
        newest = tuple(int(x) for x in nodes[-1][len("THERMOAI_"):].split("."))
        self.assertLessEqual(newest, tuple(int(x) for x in ver.split("."))[:2])
        cur, rev, age = (int(re.search(r"m4_define\(\[thermoai_lt_%s\],\s*\[(\d+)\]\)" % k, ac).group(1))
                         for k in ("current", "revision", "age"))
        self.assertLessEqual(age, cur, "libtool age must not exceed current")


if __name__ == "__main__":
    taplib.main(sys.modules[__name__])
