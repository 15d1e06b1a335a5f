#!/usr/bin/env python3
"""Writes src/Engine/Data/golden/{rules,variants,heldout}/<detector>.json.

The vocabulary below is chosen by hand from real detector outputs (Bedrock PII entity types, Llama Guard
categories, Presidio recognisers, Detoxify heads, ...). The script only fans a chosen word out into a few
spellings (casing, separators, vendor prefix, suffix) and checks the sets: every label is in the
taxonomy, the held-out set shares no compacted string with the tuning set, and every detector has at
least 100 cases in total. Run from the repo root: python3 tests/Mapper.Engine.Tests/Quality/GoldenSource/generate_golden.py
"""
import json, os, sys

ROOT = os.getcwd()
DATA = os.path.join(ROOT, "src/Engine/Data")
OUT = os.path.join(DATA, "golden")

SSN, CC, BANK, PASS = "PII.Identifier.SSN", "PII.Identifier.CreditCard", "PII.Identifier.BankAccount", "PII.Identifier.Passport"
EMAIL, PHONE, ADDR, HIPAA = "PII.Contact.Email", "PII.Contact.Phone", "PII.Contact.Address", "PII.Health.HIPAA"
NAME, DOB, AGE, IDO, URL, PIIO = "PII.Person.Name", "PII.Person.DateOfBirth", "PII.Person.Age", "PII.Identifier.Other", "PII.Contact.URL", "PII.Other"
JB, PI_TOOL, PI_EXF, PI_POL, PIO = "JAILBREAK.Attempt", "PROMPT_INJECTION.ToolRequest", "PROMPT_INJECTION.DataExfiltration", "PROMPT_INJECTION.PolicyOverride", "PROMPT_INJECTION.Other"
TOX, OBS, INS, THR = "HARM.SPEECH.Toxicity", "HARM.SPEECH.Obscenity", "HARM.SPEECH.Insult", "HARM.SPEECH.Threat"
H_RACE, H_GEN, H_REL, H_SO, H_OTH = "HARM.SPEECH.Hate.Race", "HARM.SPEECH.Hate.Gender", "HARM.SPEECH.Hate.Religion", "HARM.SPEECH.Hate.SexualOrientation", "HARM.SPEECH.Hate.Other"
SELF, SUI, PHYS, SEX, CSAM, VIO_O = "HARM.VIOLENCE.SelfHarm", "HARM.VIOLENCE.Suicide", "HARM.VIOLENCE.Physical", "HARM.VIOLENCE.Sexual", "HARM.VIOLENCE.ChildSexualAbuse", "HARM.VIOLENCE.Other"
UNK, ERR, SAFE, POLV, FILT, OFFT = "OTHER.Unknown", "OTHER.ModelError", "OTHER.Safe", "OTHER.PolicyViolation", "OTHER.ContentFiltered", "OTHER.OffTopic"
LOWR, REV, MIS, HALL, FACT, LOWQ = "OTHER.LowRisk", "OTHER.NeedsReview", "OTHER.Misinformation", "OTHER.Hallucination", "OTHER.FactualError", "OTHER.LowQuality"


def compact(raw):
    """Mirror of Mapper.Engine.Rules.LabelText.Compact."""
    out, prev = [], "\0"
    def sep():
        if out and out[-1] != "_":
            out.append("_")
    for i, c in enumerate(raw):
        if not c.isalnum():
            sep(); prev = c; continue
        nxt = raw[i + 1] if i + 1 < len(raw) else "\0"
        if c.isupper() and (prev.islower() or (prev.isupper() and nxt.islower())):
            sep()
        out.append(c.lower()); prev = c
    while out and out[-1] == "_":
        out.pop()
    return "".join(out)


def spell(base, code, prefix, suffixes, k):
    w = base.split("_")
    return {
        "u": "_".join(w).upper(), "l": "_".join(w), "k": "-".join(w), "K": "-".join(x.capitalize() for x in w),
        "s": " ".join(w), "T": " ".join(x.capitalize() for x in w), "c": w[0] + "".join(x.capitalize() for x in w[1:]),
        "P": "".join(x.capitalize() for x in w), "d": ".".join(w), "/": "/".join(w),
        "x": "_".join(w) + suffixes[k % len(suffixes)], "p": prefix + "_".join(w).upper(),
    }[code]


def fan(words, codes, prefix, suffixes, per_word):
    cases, k = [], 0
    for base, labels in words:
        labels = labels if isinstance(labels, list) else [labels]
        seen = set()
        for _ in range(per_word):
            code = codes[k % len(codes)]; k += 1
            text = spell(base, code, prefix, suffixes, k)
            if text in seen:
                continue
            seen.add(text)
            cases.append((None, text, labels))
    return cases


def extra(items):
    """Hand-written cases: (text, labels) or (text, labels, detector spelling)."""
    out = []
    for item in items:
        text, labels = item[0], item[1] if isinstance(item[1], list) else [item[1]]
        out.append((item[2] if len(item) > 2 else None, text, labels))
    return out


TUNE_CODES = ["u", "K", "c", "s", "P", "d", "k", "T", "x", "p", "/", "l"]
HELD_CODES = ["T", "P", "d", "u", "k", "s", "x", "c", "p", "K", "l", "/"]
TUNE_SUFFIX = ["_v2", "_score", "-3"]
HELD_SUFFIX = ["_v3", "_probability", "-2", " (high)"]



def main():
    from golden_vocabulary import DETECTORS  # hand-chosen words, one entry per detector
    taxonomy = {l["name"] for l in json.load(open(os.path.join(DATA, "taxonomy.json")))["labels"]}
    rule_compacts = set()
    rules = {}
    for f in sorted(os.listdir(os.path.join(DATA, "detectors"))):
        d = json.load(open(os.path.join(DATA, "detectors", f)))
        rules[d["detector"]] = d["rules"]
        rule_compacts |= {compact(r["raw"]) for r in d["rules"]}
    problems = []
    for det, spec in DETECTORS.items():
        tune = fan(spec["tune"], TUNE_CODES, spec["tune_prefix"], TUNE_SUFFIX, spec.get("per_word", 2)) + extra(spec["tune_extra"])
        held = fan(spec["held"], HELD_CODES, spec["held_prefix"], HELD_SUFFIX, spec.get("per_word", 2)) + extra(spec["held_extra"])
        overlap = {compact(t) for _, t, _ in tune} & {compact(t) for _, t, _ in held}
        if overlap:
            problems.append(f"{det}: held-out shares compacted strings with tuning: {sorted(overlap)}")
        for _, text, labels in tune + held:
            for label in labels:
                if label not in taxonomy:
                    problems.append(f"{det}: '{text}' expects unknown label {label}")
        total = len(rules[det]) + len(tune) + len(held)
        if total < 100:
            problems.append(f"{det}: only {total} cases")
        write(det, "rules", [(None, r["raw"], [r["label"]]) for r in rules[det]], rule_compacts, "rule row")
        write(det, "variants", tune, rule_compacts, "tuning variant")
        write(det, "heldout", held, rule_compacts, "held-out variant")
        print(f"{det}\trules={len(rules[det])}\tvariants={len(tune)}\theldout={len(held)}\ttotal={total}")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)


def write(det, kind, cases, rule_compacts, what):
    rows, novel = [], 0
    for spelling, text, labels in cases:
        parts = [p.strip() for p in text.split("|") if p.strip()]
        is_novel = not parts or any(compact(p) not in rule_compacts for p in parts)  # as QualityRunner.IsNovel
        novel += is_novel and kind != "rules"
        unknown = labels == [UNK]
        note = what + ("; novel: appears nowhere in the rule table" if is_novel and kind != "rules" else "")
        rows.append({
            "detector": spelling or det,
            "input_output": text,
            "expected_taxonomy": labels,
            "expected_confidence_min": 0.0 if unknown else (0.9 if kind == "rules" else 0.6),  # Unknown is always confidence 0
            "description": note,
            "category": labels[0].split(".")[0],
        })
    doc = {
        "version": "1.0",
        "description": f"{det}: {kind} golden cases ({'tuning set' if kind == 'variants' else 'held out from rule tuning' if kind == 'heldout' else 'every rule row'})",
        "metadata": {"detector": det, "set": kind, "cases": len(rows), "novel_cases": novel, "taxonomy_version": "2025.09"},
        "test_cases": rows,
    }
    os.makedirs(os.path.join(OUT, kind), exist_ok=True)
    with open(os.path.join(OUT, kind, det + ".json"), "w") as f:
        # One case per line: diffs of a golden set stay readable.
        head = json.dumps({k: v for k, v in doc.items() if k != "test_cases"}, ensure_ascii=False)[:-1]
        body = ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in rows)
        f.write(head + ',\n "test_cases": [\n' + body + "\n ]}\n")


if __name__ == "__main__":
    sys.modules.setdefault("generate_golden", sys.modules["__main__"])
    main()
