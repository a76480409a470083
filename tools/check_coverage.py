#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Every printed number accounted for (issue 17).

Extracts every numeric token of the four source documents (../shared/papers/)
and looks each one up in the reviewed classification file repro/coverage.tsv:

  paper  line  token  class  ref

class is one of
  covered       ref = the id of the record that checks the value
  input         ref = the id of a record that states the value as an input
  not-a-result  ref = the reason (citation, year, section, equation number,
                a definitional constant, a label, a rendering duplicate ...)

A token with no row is unclassified. The check fails (exit 1) when
  * a paper of STRICT has an unclassified token, or a row that names no token
    on its line (a stale row);
  * a covered/input row names a record id that `thermoai reproduce --format
    json` does not produce (any paper).
Papers outside STRICT are reported, never failed on: their records are still
being written.

  check_coverage.py --papers DIR --tsv FILE (--json FILE | --thermoai BIN)
                    [--report doc/coverage.md] [--draft [--draft-covered]]

--report writes the per-paper report (doc/coverage.md is made this way by
`make coverage-report`, see doc/local.mk). --draft appends to the TSV a row for
every unclassified token that a mechanical rule classifies (reference list,
citation bracket, year, section heading, equation tag, table of contents);
--draft-covered also guesses covered rows by matching the token's value with the
records' printed values (noisy: small integers are skipped). A person reviews
every drafted row before it is committed; keep the file sorted by paper and line.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

# Papers whose every number must be classified.
STRICT = ("000", "001")

CLASSES = ("covered", "input", "not-a-result")

# A number: digits with optional thousands commas and decimals, optionally in
# scientific form ("2.87 \times 10^{-21}", "1.3×10^8", "10^{12}").
_EXP = r"\^\{?[-−]?\d+(?:[-–]\d+)?\}?"
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
TOKEN = re.compile(
    r"(?<![A-Za-z_\d.\\])(?<![A-Za-z]-)"
    r"(?:" + _NUM + r"(?:\s*(?:\\times|×)\s*10" + _EXP + r")?" + r"|10" + _EXP + r")"
    + r"(?:" + _EXP + r")?")

# Model and benchmark names whose digits are part of a name ("LLaMA-2-70B").
NAME = re.compile(r"\b[A-Za-z][A-Za-z]*(?:-[A-Za-z0-9.]+)+\b")


def papers_in(directory):
    out = {}
    for name in sorted(os.listdir(directory)):
        m = re.match(r"(\d{3})_.*\.txt$", name)
        if m:
            out[m.group(1)] = os.path.join(directory, name)
    return out


def tokens_of(path):
    """[(line, token)] in order, one entry per distinct token of a line."""
    out = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            clean = NAME.sub(lambda m: " " * len(m.group(0))
                             if re.search(r"[A-Za-z]{2}", m.group(0).split("-")[0]) else m.group(0),
                             line)
            seen = set()
            for m in TOKEN.finditer(clean):
                tok = re.sub(r"\s+", " ", m.group(0))
                if tok not in seen:
                    seen.add(tok)
                    out.append((lineno, tok))
    return out


def read_tsv(path):
    rows = collections.OrderedDict()
    problems = []
    if not os.path.exists(path):
        return rows, problems
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 5:
                problems.append("%s:%d: %d fields, want 5" % (path, n, len(parts)))
                continue
            paper, lineno, tok, cls, ref = parts
            if cls not in CLASSES:
                problems.append("%s:%d: unknown class %r" % (path, n, cls))
                continue
            rows[(paper, int(lineno), tok)] = (cls, ref)
    return rows, problems


def values_of(text):
    """Every number of text as floats."""
    out = []
    while True:
        m = _VALUE.search(text)
        if not m:
            return out
        out.append(value_of(m.group(0)))
        text = text[m.end():]


_VALUE = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(?:\\times|×)\s*10\^\{?([-−]?\d+)\}?)?"
                    r"|10\^\{?([-−]?\d+)\}?")


def value_of(text):
    """The first number of text as a float ("2.87 \\times 10^{-21}" -> 2.87e-21), or None."""
    for m in _VALUE.finditer(text):
        if m.group(3):
            return 10.0 ** int(m.group(3).replace("−", "-"))
        v = float(m.group(1).replace(",", ""))
        if m.group(2):
            v *= 10.0 ** int(m.group(2).replace("−", "-"))
        return v
    return None


def load_records(args):
    if args.json:
        with open(args.json, encoding="utf-8") as f:
            data = json.load(f)
    else:
        out = subprocess.run([args.thermoai, "reproduce", "--format", "json"],
                             stdout=subprocess.PIPE, check=True).stdout
        data = json.loads(out.decode("utf-8"))
    ids = collections.OrderedDict()

    def walk(x):
        if isinstance(x, dict):
            if isinstance(x.get("id"), str):
                ids[x["id"]] = x
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(data)
    return ids


def draft_rule(paper, lines, lineno, tok, records):
    """A mechanical classification (class, ref), or None."""
    text = lines[lineno - 1]
    r = _draft_reason(paper, lines, lineno, tok, text)
    if r:
        return ("not-a-result", r)
    if not records:
        return None
    v = value_of(tok)
    if v is None or v == 0 or (re.fullmatch(r"\d{1,2}", tok)):
        return None  # small integers are reviewed by hand
    for rid, rec in records.items():
        if not re.match(r"[A-Z]+" + paper + r"-", rid) or not rec.get("paper_text"):
            continue
        for pv in values_of(rec["paper_text"]):
            if abs(pv - v) <= 1e-9 * abs(v):
                return ("covered", rid)
    return None


def _draft_reason(paper, lines, lineno, tok, text):
    ref_start = next((i for i, l in enumerate(lines, 1)
                      if re.match(r"\s*(References|Bibliography)\s*$", l)), None)
    if ref_start and lineno > ref_start:
        app = next((i for i, l in enumerate(lines, 1)
                    if i > ref_start and re.match(r"\s*(A|Appendix)\b.*\b(Derivation|Appendix)", l)),
                   None)
        if app is None or lineno < app:
            return "reference list"
    if re.match(r"\s*\d+(\.\d+)*\s*\t.*\t\s*\d+\s*$", text) or re.match(r"\s*[A-C]\t.*\t\d+\s*$", text):
        return "table of contents"
    if re.match(r"\s*(\d+(\.\d+)*|[A-C](\.\d+)*)\s+[A-Z][^.]*$", text) and text.lstrip().startswith(tok):
        return "section number"
    for m in re.finditer(r"\[([^\]]*)\]", text):
        if re.fullmatch(r"[\d,\s–-]+", m.group(1)) and re.search(r"(?<!\d)" + re.escape(tok) + r"(?!\d)", m.group(1)):
            return "citation"
    if re.search(r"\\quad\s*\(" + re.escape(tok) + r"\)|\\tag\{" + re.escape(tok) + r"\}", text):
        return "equation number"
    if re.fullmatch(r"(1[89]|20)\d\d", tok) and re.search(r"(\[[A-Z][^\]]*|\(|, )" + tok, text):
        return "year"
    if re.search(r"(Section|Sec\.|Equation|Eq\.|Eqs\.|Theorem|Table|Figure|Fig\.|Definition|"
                 r"Proposition|Corollary|Remark|Algorithm)\s*\(?" + re.escape(tok) + r"\b", text):
        return "label of a section, equation, table or theorem"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--papers", required=True)
    ap.add_argument("--tsv", required=True)
    ap.add_argument("--json")
    ap.add_argument("--thermoai")
    ap.add_argument("--report")
    ap.add_argument("--draft", action="store_true")
    ap.add_argument("--draft-covered", action="store_true",
                    help="with --draft: also guess covered rows from the records' printed values")
    args = ap.parse_args()
    if not args.json and not args.thermoai:
        ap.error("--json or --thermoai is required")

    if not os.path.isdir(args.papers):
        print("check_coverage.py: no papers at %s" % args.papers, file=sys.stderr)
        return 2
    papers = papers_in(args.papers)
    rows, problems = read_tsv(args.tsv)
    ids = load_records(args)
    failures = list(problems)
    stats = collections.OrderedDict()
    unclassified = collections.defaultdict(list)
    found = set()
    draft = []

    for paper, path in papers.items():
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        st = collections.Counter()
        for lineno, tok in tokens_of(path):
            key = (paper, lineno, tok)
            found.add(key)
            st["found"] += 1
            if key in rows:
                st[rows[key][0]] += 1
                continue
            st["unclassified"] += 1
            rule = draft_rule(paper, lines, lineno, tok, ids if args.draft_covered else {}) if args.draft else None
            if rule:
                draft.append((paper, lineno, tok) + rule)
            unclassified[paper].append((lineno, tok, lines[lineno - 1].strip()))
        stats[paper] = st

    for (paper, lineno, tok), (cls, ref) in rows.items():
        if (paper, lineno, tok) not in found and paper in papers:
            msg = "stale row: paper %s line %d has no token %r" % (paper, lineno, tok)
            if paper in STRICT:
                failures.append(msg)
            else:
                print("# " + msg)
        if cls in ("covered", "input") and ref not in ids:
            failures.append("paper %s line %d token %r: record %s is not in the reproduce output"
                            % (paper, lineno, tok, ref))
    for paper in STRICT:
        for lineno, tok, _ in unclassified.get(paper, []):
            failures.append("paper %s line %d: unclassified number %r" % (paper, lineno, tok))

    if args.draft and draft:
        with open(args.tsv, "a", encoding="utf-8") as f:
            for r in draft:
                f.write("%s\t%d\t%s\t%s\t%s\n" % r)
        print("# drafted %d rows into %s; review them" % (len(draft), args.tsv))

    if args.report:
        write_report(args.report, stats, unclassified, rows)

    for paper, st in stats.items():
        print("# paper %s: %d found, %d covered, %d input, %d not a result, %d unclassified%s"
              % (paper, st["found"], st["covered"], st["input"], st["not-a-result"],
                 st["unclassified"], " (strict)" if paper in STRICT else ""))
    for msg in failures:
        print("FAIL: " + msg)
    return 1 if failures else 0  # 1: the report, if asked for, is still written


def write_report(path, stats, unclassified, rows):
    out = []
    out.append("# Coverage of the printed numbers {#coverage}\n")
    out.append("Generated by `tools/check_coverage.py` (`make coverage-report`); do not edit.\n")
    out.append("Every numeric token of the four source documents is classified in "
               "`repro/coverage.tsv` as *covered* by a record of `thermoai reproduce` (by id), "
               "an *input* a record states, or *not a result* (citation, year, section or "
               "equation number, a definitional constant, a label) with the reason. "
               "`make check` (tests/repro/test_coverage.py) fails when a number of papers "
               "%s is unclassified or a classified record id disappears.\n"
               % " and ".join(STRICT))
    out.append("| paper | numbers found | covered | input | not a result | unclassified |")
    out.append("|---|---:|---:|---:|---:|---:|")
    for paper, st in stats.items():
        out.append("| %s%s | %d | %d | %d | %d | %d |"
                   % (paper, " (strict)" if paper in STRICT else "", st["found"], st["covered"],
                      st["input"], st["not-a-result"], st["unclassified"]))
    out.append("")
    recs = collections.Counter(ref for (p, _, _), (c, ref) in rows.items() if c == "covered")
    out.append("%d distinct records cover printed numbers.\n" % len(recs))
    for paper, st in stats.items():
        items = unclassified.get(paper, [])
        if not items:
            continue
        out.append("## Unclassified numbers in paper %s\n" % paper)
        out.append("| line | number | context |")
        out.append("|---:|---|---|")
        for lineno, tok, text in items:
            ctx = text.replace("|", "\\|")
            if len(ctx) > 90:
                i = max(0, ctx.find(tok) - 40)
                ctx = ("..." if i else "") + ctx[i:i + 90] + "..."
            out.append("| %d | `%s` | %s |" % (lineno, tok.replace("|", "\\|"), ctx))
        out.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    sys.exit(main())
