# SPDX-License-Identifier: MIT
"""Machine-readable output of the thermoai command.

The JSON and CSV records are parsed and checked against the record format of
REPRODUCTION.md, and every match/mismatch verdict is re-derived here with an
independent implementation of the verdict rule.
"""
import csv
import io
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "harness"))
import taplib  # noqa: E402

CLI = os.path.join(taplib.env("top_builddir"), "cli", "thermoai")
KEYS = ["id", "quantity", "unit", "paper", "paper_text", "computed", "verdict", "note"]
STARTER = ["E000-landauer300", "E001-eq1", "E002-eq1", "XDOC-constants"]
PAPER000 = ["E000-eq-175B", "E000-TER-GPT3", "T000-TER", "E000-gap-decomp", "E000-reversible",
            "X000-bound-external", "E000-TIP-derived"]


def run(*args):
    p = subprocess.run([CLI] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       check=False)
    if p.returncode != 0:
        raise AssertionError("thermoai %s: exit %d: %s" % (" ".join(args), p.returncode,
                                                            p.stderr.decode()))
    return p.stdout.decode("utf-8")


def run_env(env, *args):
    """run() with extra environment variables; returns stdout."""
    e = dict(os.environ)
    e.update(env)
    p = subprocess.run([CLI] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       check=False, env=e)
    if p.returncode != 0:
        raise AssertionError("thermoai %s: exit %d: %s" % (" ".join(args), p.returncode,
                                                            p.stderr.decode()))
    return p.stdout.decode("utf-8")


def sig_digits(text):
    """Significant digits of the first number in text (independent of repro.c)."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?|\.\d+", text)
    if not m:
        return 0
    s = m.group(0).replace(",", "")
    if "." in s:
        digits = s.replace(".", "").lstrip("0")
        return max(len(digits), 1)
    digits = s.lstrip("0").rstrip("0")
    return max(len(digits), 1)


def verdict(paper_text, paper, computed):
    """The rule of REPRODUCTION.md, for point and order-of-magnitude records."""
    if re.search(r"(^|[^\d.×x*])10\^", paper_text) and not re.search(r"\d\s*[×x*]\s*10\^",
                                                                       paper_text):
        # an order of magnitude: same power of ten
        return "match" if math.floor(math.log10(computed) + 1e-12) == \
            math.floor(math.log10(paper) + 1e-12) else "mismatch"
    sig = sig_digits(paper_text)
    if paper == 0:
        return "match" if computed == 0 else "mismatch"
    exp10 = math.floor(math.log10(abs(paper)) + 1e-12)
    half = 0.5 * 10.0 ** (exp10 - sig + 1)
    return "match" if abs(computed - paper) <= half * (1 + 1e-9) else "mismatch"


class Landauer(unittest.TestCase):
    def test_json(self):
        obj = json.loads(run("landauer", "--bits", "1", "--temperature-k", "300", "--json"))
        self.assertEqual(sorted(obj), ["bits", "command", "energy_j", "temperature_k", "version"])
        self.assertEqual(obj["command"], "landauer")
        self.assertEqual(obj["bits"], 1.0)
        self.assertEqual(obj["temperature_k"], 300.0)
        expected = 1.380649e-23 * 300.0 * math.log(2.0)
        self.assertLess(abs(obj["energy_j"] / expected - 1.0), 4e-16)


class RateDistortion(unittest.TestCase):
    def test_bernoulli_json(self):
        obj = json.loads(run("rd", "--source", "bernoulli", "--p", "0.3", "--distortion", "0.1", "--json"))
        self.assertEqual(obj["command"], "rd")
        for key in ("version", "source", "p", "distortion", "temperature_k", "rate_bits", "energy_j"):
            self.assertIn(key, obj)

        def h(x):
            return -x * math.log2(x) - (1 - x) * math.log2(1 - x)
        self.assertAlmostEqual(obj["rate_bits"], h(0.3) - h(0.1), delta=1e-14)
        self.assertAlmostEqual(obj["energy_j"] / (obj["rate_bits"] * 1.380649e-23 * 300 * math.log(2)), 1.0,
                               delta=1e-15)

    def test_discrete_hamming(self):
        # uniform source on M = 4 symbols, Hamming distortion:
        # R(D) = log2 M - H(D) - D log2(M - 1) for D <= (M - 1)/M (Cover and Thomas, Problem 10.5)
        with tempfile.TemporaryDirectory() as tmp:
            pmf, mat = os.path.join(tmp, "p"), os.path.join(tmp, "d")
            with open(pmf, "w") as f:
                f.write("0.25 0.25 0.25 0.25\n")
            with open(mat, "w") as f:
                f.write("\n".join(" ".join("0" if i == j else "1" for j in range(4)) for i in range(4)))
            obj = json.loads(run("rd", "--pmf", pmf, "--distortion-matrix", mat, "--distortion", "0.2",
                                 "--json"))
        d = 0.2
        want = 2 - (-d * math.log2(d) - (1 - d) * math.log2(1 - d)) - d * math.log2(3)
        self.assertEqual((obj["nx"], obj["nxhat"]), (4, 4))
        self.assertLessEqual(obj["rate_lower_bits"], want + 1e-12)
        self.assertGreaterEqual(obj["rate_bits"], want - 1e-12)
        self.assertLess(obj["rate_bits"] - obj["rate_lower_bits"], 1e-9 + 1e-15)
        self.assertAlmostEqual(obj["achieved_distortion"], d, delta=1e-12)
        self.assertEqual((obj["dmin"], obj["dmax"]), (0, 0.75))


class ModelCommands(unittest.TestCase):
    def test_presets_json(self):
        obj = json.loads(run("presets", "models", "--json"))
        self.assertEqual(obj["command"], "presets models")
        presets = obj["presets"]
        names = [p["name"] for p in presets]
        for want in ("pythia-1.3b", "llama-2-7b", "llama-2-13b", "llama-2-70b", "mistral-7b",
                     "falcon-180b", "gpt-3-175b", "llama-3-8b", "llama-3-70b"):
            self.assertIn(want, names)
        for p in presets:
            self.assertTrue(p["source"])
            self.assertGreater(p["params"], 1e7)
            self.assertIn(p["status"], ("verified", "secondary"))
            self.assertGreaterEqual(p["params"], p["active_params"])
        moe = {p["name"]: p for p in presets if p["experts"] > 0}
        self.assertEqual(moe["deepseek-v3"]["experts"], 256)
        self.assertEqual(moe["deepseek-v3"]["shared_experts"], 1)
        self.assertEqual(moe["mixtral-8x7b"]["active_experts"], 2)
        self.assertGreaterEqual(len(presets), 20)

    def test_landauer_model_json(self):
        obj = json.loads(run("landauer-model", "--model", "gpt-3-175b", "--seq-len", "2048",
                             "--json"))
        layer = 96 * (128 * 16 - 11) + 49152 * 0.15 * 16 + 64
        self.assertEqual(obj["attention_bits"], 195552.0)
        self.assertAlmostEqual(obj["layer_bits"] / layer, 1.0, places=14)
        self.assertAlmostEqual(obj["token_energy_j"]
                               / (96 * layer * 1.380649e-23 * 300 * math.log(2)), 1.0, places=14)
        self.assertEqual(obj["attention_rows"], "one")
        self.assertEqual(obj["seq_len"], 2048)

    def test_ter_json(self):
        obj = json.loads(run("ter", "--model", "gpt-3-175b", "--energy-per-token-j", "0.004",
                             "--seq-len", "2048", "--json"))
        self.assertAlmostEqual(obj["ter"] * obj["landauer_energy_j"] / 0.004, 1.0, places=14)
        self.assertEqual(obj["model"], "gpt-3-175b")


class EnergyCommands(unittest.TestCase):
    def test_decode_plain_roofline_by_hand(self):
        """--serving ideal: E = idle x t + e_byte x bytes + e_FLOP x FLOPs, recomputed here
        from the profile and the work the JSON reports, t from the achieved rates."""
        obj = json.loads(run("energy", "decode", "--model", "llama-2-7b", "--hardware",
                             "h100-sxm-measured", "--batch", "4", "--context", "300",
                             "--serving", "ideal", "--json"))
        hw = obj["hardware_profile"]
        t = max(obj["bytes"] / (hw["bandwidth_efficiency"] * hw["memory_bw_bytes_per_s"]),
                obj["flop"] / (hw["compute_efficiency"] * hw["peak_bf16_flop_per_s"]))
        e = hw["idle_power_w"] * t + hw["j_per_byte"] * obj["bytes"] + hw["j_per_flop_bf16"] * obj["flop"]
        self.assertAlmostEqual(obj["step_s"] / t, 1.0, places=12)
        self.assertAlmostEqual(obj["energy_j"] / e, 1.0, places=12)
        self.assertAlmostEqual(obj["energy_per_token_j"] * 4 / e, 1.0, places=12)
        self.assertEqual(obj["bound"], "memory")
        self.assertEqual(obj["tokens"], 4)
        # 7B FP16 weights: 2 (P - V d) bytes, read once per step whatever the batch
        self.assertGreater(obj["bytes"], 2 * (6738415616 - 32000 * 4096))
        parts = sum(obj["breakdown"].values())
        self.assertAlmostEqual(parts / obj["energy_j"], 1.0, places=12)

    def test_override_layers(self):
        full = json.loads(run("energy", "decode", "--model", "llama-2-70b", "--hardware", "h100-sxm",
                              "--json"))
        cut = json.loads(run("energy", "decode", "--model", "llama-2-70b", "--layers", "8",
                             "--hardware", "h100-sxm", "--json"))
        self.assertEqual(cut["architecture"]["layers"], 8)
        self.assertLess(cut["energy_per_token_j"], full["energy_per_token_j"] / 5)

    def test_batch_lowers_energy_per_token(self):
        e = [json.loads(run("energy", "decode", "--model", "llama-3.1-8b", "--hardware", "h100-sxm",
                            "--batch", str(b), "--json"))["energy_per_token_j"] for b in (1, 4, 16, 64)]
        self.assertEqual(e, sorted(e, reverse=True))

    def test_train(self):
        obj = json.loads(run("energy", "train", "--model", "llama-2-7b", "--tokens", "2000000000000",
                             "--hardware", "a100-80-sxm", "--devices", "2048", "--mfu", "0.4",
                             "--pue", "1.1", "--grid", "us-meta", "--six-nd", "--json"))
        flop = 6 * 6738415616 * 2e12
        t = flop / (2048 * 0.4 * 312e12)
        self.assertAlmostEqual(obj["flop"] / flop, 1.0, places=12)
        self.assertAlmostEqual(obj["time_s"] / t, 1.0, places=12)
        self.assertAlmostEqual(obj["energy_j"] / (2048 * 400 * t * 1.1), 1.0, places=12)
        self.assertAlmostEqual(obj["co2e_kg"] / (2048 * 400 * t * 1.1 / 3.6e6 * 0.385), 1.0, places=12)


class AllocationCommands(unittest.TestCase):
    def test_allocate_json(self):
        obj = json.loads(run("allocate", "--energy-j", "5.88e11", "--fit", "besiroglu2024",
                             "--inference-tokens", "1e12", "--json"))
        opt = obj["energy_optimal"]
        self.assertAlmostEqual(opt["energy_j"] / 5.88e11, 1.0, places=12)
        self.assertAlmostEqual((opt["training_energy_j"] + opt["inference_energy_j"]) / opt["energy_j"], 1.0,
                               places=12)
        self.assertAlmostEqual(opt["inference_energy_j"] / (2e-12 * 1e12 * opt["params"]), 1.0, places=12)
        self.assertLess(opt["marginal_spread"], 1e-9)
        self.assertAlmostEqual(obj["flop_budget"]["flop"], 5.88e23, delta=1e9)
        self.assertLess(opt["params"], obj["flop_budget"]["params"])

    def test_presets_fits_json(self):
        obj = json.loads(run("presets", "fits", "--json"))
        names = [p["name"] for p in obj["presets"]]
        self.assertEqual(names, ["hoffmann2022", "hoffmann2022-tex", "besiroglu2024", "kaplan2020"])

    def test_precision_json_and_csv(self):
        args = ["precision", "--sensitivities", "1,1000,3,0.5,0.01", "--total-bits", "22", "--min-bits", "1",
                "--max-bits", "8"]
        obj = json.loads(run(*(args + ["--json"])))
        whole = [layer["bits_whole"] for layer in obj["allocation"]]
        self.assertEqual(sum(whole), 22)
        self.assertAlmostEqual(sum(layer["bits_real"] for layer in obj["allocation"]), 22.0, places=12)
        self.assertGreaterEqual(obj["error_whole"], obj["error_real"])
        rows = list(csv.reader(io.StringIO(run(*(args + ["--csv"])), newline="")))
        self.assertEqual(len(rows), 1 + 5)


class EveryCommand(unittest.TestCase):
    """Every command of the table: --help lists its options; JSON carries the library
    version and every option with its effective value (defaults included); CSV has the
    same keys as JSON."""
    REQUIRED = {"ter": ["--model", "llama-2-7b", "--energy-per-token-j", "0.001"],
                "landauer-model": ["--model", "llama-2-7b"],
                "energy decode": ["--model", "llama-2-7b", "--hardware", "h100-sxm-measured"],
                "energy prefill": ["--model", "llama-2-7b", "--hardware", "h100-sxm",
                                   "--prompt-tokens", "16"],
                "energy request": ["--model", "llama-2-7b", "--hardware", "h100-sxm",
                                   "--prompt-tokens", "16", "--generated", "2"],
                "energy train": ["--model", "llama-2-7b", "--tokens", "1000000",
                                 "--hardware", "h100-sxm"],
                "energy ladder": ["--model", "llama-2-7b", "--hardware", "h100-sxm"],
                "allocate": ["--energy-j", "5.88e11"],
                "tip energy": ["--model", "llama-2-7b", "--hardware", "h100-sxm"],
                "tip": ["--components", os.path.join(taplib.env("top_srcdir"), "tests", "cli",
                                                     "tip_components.csv")],
                "batch": ["--model", "llama-2-7b", "--hardware", "h100-sxm-measured", "--slo-ms", "50"],
                "serve": ["--model", "llama-2-7b", "--hardware", "h100-sxm-measured",
                          "--tokens-per-s", "1000"],
                "rd": ["--source", "gaussian", "--distortion", "0.5"]}
    SKIP_JSON = {"reproduce"}  # its record format is fixed by doc/reproduction.md

    @staticmethod
    def commands():
        text = run("help")
        return [m.group(1) for m in re.finditer(r"^  ([a-z][a-z-]*(?: [a-z][a-z-]*)?)  ", text, re.M)
                if m.group(1) != "help"]

    @staticmethod
    def options(cmd):
        text = run(*(cmd.split() + ["--help"]))
        return [m.group(1) for m in re.finditer(r"^  (--[a-z][a-z0-9-]*)", text, re.M)
                if m.group(1) not in ("--json", "--help")]

    def test_every_command(self):
        version = run("version").split()[1]
        cmds = self.commands()
        self.assertIn("landauer", cmds)
        for cmd in cmds:
            if cmd in self.SKIP_JSON:
                continue
            with self.subTest(command=cmd):
                args = cmd.split() + self.REQUIRED.get(cmd, [])
                obj = json.loads(run(*(args + ["--json"])))
                self.assertEqual(obj["command"], cmd)
                self.assertEqual(obj["version"], version)
                for opt in self.options(cmd):
                    self.assertIn(opt[2:].replace("-", "_"), obj, "%s: %s not echoed" % (cmd, opt))
                rows = list(csv.reader(io.StringIO(run(*(args + ["--csv"])), newline="")))
                self.assertEqual(rows[0][:2], ["command", "version"])


class Reproduce(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.records = json.loads(run("reproduce", "--format", "json"))

    def test_record_format(self):
        self.assertGreater(len(self.records), 0)
        for r in self.records:
            with self.subTest(id=r.get("id")):
                self.assertEqual(list(r), KEYS)
                self.assertRegex(r["id"], r"^[A-Z][A-Za-z0-9._-]*\.\d\d$")  # catalog ids: B003-gpu_tdp
                for k in ("quantity", "unit", "paper_text", "verdict", "note"):
                    self.assertIsInstance(r[k], str)
                for k in ("paper", "computed"):
                    self.assertTrue(r[k] is None or isinstance(r[k], (int, float)))
                self.assertIn(r["verdict"], ["match", "mismatch", "not-derivable", "rerun"])
                if r["verdict"] in ("match", "mismatch", "rerun"):
                    self.assertIsNotNone(r["computed"])
                if r["verdict"] == "not-derivable":
                    self.assertIsNone(r["computed"])
                    self.assertNotEqual(r["note"], "")
                if r["verdict"] == "mismatch":
                    self.assertNotEqual(r["note"], "")

    def test_ids_unique(self):
        ids = [r["id"] for r in self.records]
        self.assertEqual(len(ids), len(set(ids)))

    def test_starter_items_present(self):
        for item in STARTER:
            with self.subTest(item=item):
                self.assertTrue(any(r["id"].startswith(item + ".") for r in self.records))

    def test_verdicts_follow_the_rule(self):
        checked = 0
        for r in self.records:
            if r["verdict"] not in ("match", "mismatch") or r["paper"] is None:
                continue
            with self.subTest(id=r["id"]):
                self.assertEqual(verdict(r["paper_text"], r["paper"], r["computed"]),
                                 r["verdict"])
                checked += 1
        self.assertGreater(checked, 0)

    def test_paper000_items_present(self):
        for item in PAPER000:
            with self.subTest(item=item):
                self.assertTrue(any(r["id"].startswith(item + ".") for r in self.records))
        # one record per printed TER of the eight-row table, plus the corrected chain
        ter = [r for r in self.records if r["id"].startswith("T000-TER.")]
        self.assertGreaterEqual(len(ter), 16)

    def test_landauer300_is_a_finding(self):
        r = next(r for r in self.records if r["id"] == "E000-landauer300.01")
        self.assertEqual(r["verdict"], "mismatch")
        self.assertIn("T = 298 K", r["note"])

    def test_paper_filter(self):
        for paper, prefixes in (("000", ("E000", "T000", "X000")), ("001", ("E001", "T001")),
                                ("002", ("E002", "T002", "X002")), ("cross", ("XDOC",))):
            with self.subTest(paper=paper):
                recs = json.loads(run("reproduce", "--paper", paper, "--format", "json"))
                self.assertTrue(all(r["id"].startswith(prefixes) for r in recs))

    def test_csv_matches_json(self):
        rows = list(csv.DictReader(io.StringIO(run("reproduce", "--format", "csv"), newline="")))
        self.assertEqual([r["id"] for r in rows], [r["id"] for r in self.records])
        self.assertEqual(list(rows[0]), KEYS)
        for row, rec in zip(rows, self.records):
            self.assertEqual(row["verdict"], rec["verdict"])
            if rec["verdict"] == "rerun":
                # measured anew by each run (timings, paper 002): the same record, not the
                # same number
                self.assertEqual(row["quantity"], rec["quantity"])
                continue
            self.assertEqual(row["note"], rec["note"])
            if rec["computed"] is not None:
                self.assertEqual(float(row["computed"]), rec["computed"])

    def test_markdown_lists_every_record(self):
        md = run("reproduce", "--format", "markdown")
        for r in self.records:
            self.assertIn("| " + r["id"] + " |", md)
        self.assertIn("## Catalog coverage", md)


class ReproduceText(unittest.TestCase):
    """The text views of `thermoai reproduce`, checked against its JSON records."""

    @classmethod
    def setUpClass(cls):
        cls.records = json.loads(run("reproduce", "--format", "json"))

    def brief(self, *args):
        lines = run("reproduce", "--brief", *args).splitlines()
        self.assertEqual(lines[0].split(), ["id", "verdict", "paper", "computed", "unit"])
        return [l.split()[:2] for l in lines[1:]]

    def test_default_is_the_summary(self):
        text = run("reproduce")
        lines = text.splitlines()
        self.assertLessEqual(len(lines), 40)
        self.assertRegex(lines[0], r"^thermoai \S+: the source papers' printed numbers")
        self.assertRegex(lines[2], r"^document +records +match +mismatch +not-derivable +rerun$")
        counts = {}
        for r in self.records:
            counts[r["verdict"]] = counts.get(r["verdict"], 0) + 1
        total = re.search(r"^all +(\d+) +(\d+) +(\d+) +(\d+) +(\d+)$", text, re.M)
        self.assertIsNotNone(total, text)
        self.assertEqual([int(g) for g in total.groups()],
                         [len(self.records)] + [counts.get(v, 0) for v in
                                                ("match", "mismatch", "not-derivable", "rerun")])
        self.assertIn("doc/errata.md", text)
        self.assertIn("--records", text)
        self.assertNotRegex(text, r"(?m)^E000-landauer300\.01 ")
        for line in lines:
            self.assertLessEqual(len(line), 80, line)

    def test_per_paper_rows(self):
        text = run("reproduce")
        for doc in ("000", "001", "002", "cross"):
            with self.subTest(doc=doc):
                m = re.search(r"^%s +(\d+) " % doc, text, re.M)
                self.assertIsNotNone(m)
                n = sum(1 for r in self.records
                        if r["id"][1:4] == doc or (doc == "cross" and r["id"].startswith("XDOC")))
                self.assertEqual(int(m.group(1)), n)

    def test_records_one_option_away(self):
        text = run("reproduce", "--records")
        for r in self.records:
            self.assertRegex(text, r"(?m)^%s " % re.escape(r["id"]))
        self.assertTrue(text.startswith("thermoai "))

    def test_brief_one_line_per_record(self):
        rows = self.brief()
        self.assertEqual([r[0] for r in rows], [r["id"] for r in self.records])
        self.assertEqual([r[1] for r in rows], [r["verdict"] for r in self.records])
        lines = run("reproduce", "--brief").splitlines()[1:]
        for line, rec in zip(lines, self.records):
            with self.subTest(id=rec["id"]):
                f = line.split()
                for got, want, digits in ((f[2], rec["paper"], 6), (f[3], rec["computed"], 10)):
                    if want is None:
                        self.assertEqual(got, "-")
                    else:
                        self.assertAlmostEqual(float(got) / want if want else float(got),
                                               1.0 if want else 0.0, delta=10.0 ** (1 - digits))
                self.assertEqual(f[4], rec["unit"])
                if rec["paper"] is None:
                    self.assertTrue(line.endswith('  (printed "%s")' % rec["paper_text"]), line)

    def test_verdict_filter(self):
        for sel in (["mismatch"], ["match", "not-derivable"]):
            with self.subTest(verdict=sel):
                want = [r["id"] for r in self.records if r["verdict"] in sel]
                self.assertGreater(len(want), 0)
                rows = self.brief("--verdict", ",".join(sel))
                self.assertEqual([r[0] for r in rows], want)
                recs = json.loads(run("reproduce", "--verdict", ",".join(sel), "--format", "json"))
                self.assertEqual([r["id"] for r in recs], want)
                rows = list(csv.DictReader(io.StringIO(
                    run("reproduce", "--verdict", ",".join(sel), "--format", "csv"), newline="")))
                self.assertEqual([r["id"] for r in rows], want)

    def test_verdict_filter_implies_records(self):
        text = run("reproduce", "--verdict", "not-derivable")
        self.assertRegex(text, r"(?m)^selected: \d+ of %d records \(--verdict not-derivable\)$"
                         % len(self.records))
        for r in self.records:
            if r["verdict"] == "not-derivable":
                self.assertRegex(text, r"(?m)^%s +not-derivable " % re.escape(r["id"]))
            else:
                self.assertNotRegex(text, r"(?m)^%s " % re.escape(r["id"]))

    def test_id_prefix_filter(self):
        want = [r["id"] for r in self.records if r["id"].startswith(("E000", "T000-TER"))]
        self.assertGreater(len(want), 0)
        comma = [r[0] for r in self.brief("--id", "E000,T000-TER")]
        repeated = [r[0] for r in self.brief("--id", "E000", "--id", "T000-TER")]
        self.assertEqual(comma, want)
        self.assertEqual(repeated, want)
        self.assertEqual([r[0] for r in self.brief("--id", "E000-landauer300.01")],
                         ["E000-landauer300.01"])
        md = run("reproduce", "--id", "E000-landauer300", "--format", "markdown")
        self.assertIn("| E000-landauer300.01 |", md)
        self.assertNotIn("| E000-eq-175B.01 |", md)
        self.assertIn("reproduced; not selected by the filter", md)

    def test_paper_list(self):
        recs = json.loads(run("reproduce", "--paper", "000,cross", "--format", "json"))
        want = [r["id"] for r in self.records if r["id"][1:4] == "000" or r["id"].startswith("XDOC")]
        self.assertEqual([r["id"] for r in recs], want)
        text = run("reproduce", "--paper", "001,000")
        self.assertRegex(text, r"(?m)^000 ")
        self.assertRegex(text, r"(?m)^001 ")
        self.assertNotRegex(text, r"(?m)^002 ")
        self.assertEqual(json.loads(run("reproduce", "--paper", "all,000", "--format", "json")),
                         self.records)

    def test_filters_combine(self):
        want = [r["id"] for r in self.records
                if r["id"].startswith("E001") and r["verdict"] == "mismatch"]
        rows = self.brief("--paper", "001", "--id", "E001", "--verdict", "mismatch")
        self.assertEqual([r[0] for r in rows], want)

    def note_lines(self, text):
        """The note lines of --records text: 'note' lines and their continuations."""
        out, inside = [], False
        for line in text.splitlines():
            if line.startswith("    note      "):
                inside = True
            elif not line.startswith(" " * 14):
                inside = False
            if inside:
                out.append(line)
        return out

    def test_notes_wrapped_to_columns(self):
        for width in (60, 100):
            with self.subTest(columns=width):
                text = run_env({"COLUMNS": str(width)}, "reproduce", "--paper", "000", "--records")
                notes = self.note_lines(text)
                self.assertGreater(len(notes), 0)
                for line in notes:
                    # a line may pass the width only when it is one word after the indent
                    if len(line) > width:
                        self.assertNotIn(" ", line[14:], line)
                self.assertTrue(any(len(l) > width - 15 for l in notes), "lines are filled")
        wide = self.note_lines(run_env({"COLUMNS": "100"}, "reproduce", "--paper", "000", "--records"))
        narrow = self.note_lines(run_env({"COLUMNS": "60"}, "reproduce", "--paper", "000", "--records"))
        self.assertLess(len(wide), len(narrow))
        for junk in ("", "abc", "10", "99999"):
            with self.subTest(columns=junk):
                self.assertEqual(run_env({"COLUMNS": junk}, "reproduce", "--paper", "000", "--records"),
                                 run_env({"COLUMNS": "80"}, "reproduce", "--paper", "000", "--records"))

    def test_wrapping_keeps_every_word(self):
        text = run_env({"COLUMNS": "50"}, "reproduce", "--id", "E000-landauer300.01")
        block = " ".join(" ".join(self.note_lines(text)).split())
        rec = next(r for r in self.records if r["id"] == "E000-landauer300.01")
        self.assertEqual(block, "note " + " ".join(rec["note"].split()))

    def parse_records_text(self, text):
        """--records text -> ({id: flattened note}, {note number: (uses, flattened text)})."""
        notes, shared, cur, num = {}, {}, None, None
        for line in text.splitlines():
            m = re.match(r"^\[note (\d+)\] \((\d+) records\) (.*)$", line)
            if m:
                num, cur = m.group(1), None
                shared[num] = [int(m.group(2)), m.group(3)]
                continue
            if num is not None and line.startswith("    ") and line.strip():
                shared[num][1] += " " + line.strip()
                continue
            num = None
            m = re.match(r"^([A-Z][A-Za-z0-9._-]*\.\d\d) ", line)
            if m:
                cur = m.group(1)
                notes[cur] = None
            elif cur is not None and line.startswith("    note      "):
                notes[cur] = line[14:].strip()
            elif cur is not None and notes.get(cur) is not None and line.startswith(" " * 14):
                notes[cur] += " " + line.strip()
            elif not line.startswith(" "):
                cur = None
        return notes, {k: (u, " ".join(t.split())) for k, (u, t) in shared.items()}

    def test_shared_note_printed_once(self):
        text = run("reproduce", "--records")
        notes, shared = self.parse_records_text(text)
        self.assertEqual(sorted(notes), sorted(r["id"] for r in self.records))
        self.assertGreater(len(shared), 0)
        flat = " ".join(text.split())
        by_id = {r["id"]: " ".join(r["note"].split()) for r in self.records}
        for num, (uses, body) in shared.items():
            with self.subTest(note=num):
                tag = "[note %s]" % num
                users = [i for i, n in notes.items() if n is not None and n.endswith(tag)]
                self.assertEqual(len(users), uses)
                self.assertGreaterEqual(uses, 2)
                # printed once as a shared note, and no record repeats it as its whole note
                # (a record's own longer note may contain it as a substring)
                self.assertEqual(flat.count("%s (%d records) %s" % (tag, uses, body)), 1,
                                 "printed once: " + body[:60])
                self.assertFalse([i for i, n in notes.items() if n == body], body[:60])
                for i in users:
                    own = notes[i][:-len(tag)].strip()
                    # the JSON note is the record's own part, ". ", and the shared part
                    self.assertEqual(by_id[i], (own + ". " + body) if own else body, i)
        # the re-runs' conditions (600 characters, three records each) appear once each
        text = run("reproduce", "--paper", "002", "--quick", "--records")
        notes, shared = self.parse_records_text(text)
        reruns = [i for i, n in notes.items() if n is not None and re.fullmatch(r"\[note \d+\]", n)]
        self.assertGreater(len(reruns), 0)

    def test_brief_and_records_exclusive(self):
        p = subprocess.run([CLI, "reproduce", "--records", "--brief"], capture_output=True)
        self.assertEqual(p.returncode, 2)

    def test_json_unfiltered_unchanged(self):
        self.assertEqual([list(r) for r in self.records], [KEYS] * len(self.records))


if __name__ == "__main__":
    taplib.main(sys.modules[__name__])
