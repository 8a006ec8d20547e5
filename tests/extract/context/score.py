#!/usr/bin/env python3
"""Field-by-field accuracy of `finmetrics extract`'s drafted context on the annotated passages here.

usage: score.py FINMETRICS [--verbose] [DIR]   (run from the repository's root; DIR: this directory by default)
Each <name>.txt has <name>.context.csv (text, entity, metric, period, direction: what an analyst would draft;
`a|b` accepts either name of the company) and maybe <name>.options (date=, issuer=). Figures are matched to
rows by text, in order. An annotated figure the tool does not extract counts as wrong in every field.
"""
import csv, glob, json, os, subprocess, sys

FIELDS = ["entity", "metric", "period", "direction"]

def main():
    exe, verbose = sys.argv[1], "--verbose" in sys.argv
    dirs = [a for a in sys.argv[2:] if a != "--verbose"]
    here = dirs[0] if dirs else os.path.dirname(os.path.abspath(__file__))
    right = {f: 0 for f in FIELDS}
    total = 0
    for txt in sorted(glob.glob(os.path.join(here, "*.txt"))):
        name = os.path.basename(txt)[:-4]
        args = [exe, "extract", txt, "--format", "json"]
        opt = txt[:-4] + ".options"
        if os.path.exists(opt):
            for line in open(opt):
                k, _, v = line.strip().partition("=")
                if k == "date": args += ["--date", v]
                if k == "issuer": args += ["--issuer", v]
        figures = json.loads(subprocess.run(args, capture_output=True, check=True).stdout)["figures"]
        used = [False] * len(figures)
        for row in csv.DictReader(open(txt[:-4] + ".context.csv")):
            total += 1
            got = None
            for i, f in enumerate(figures):
                if not used[i] and f["text"] == row["text"]:
                    used[i], got = True, f["context"]
                    break
            for field in FIELDS:
                want = row[field].split("|") if row[field] else [""]
                have = (got[field]["value"] or "") if got else None
                if have in want:
                    right[field] += 1
                elif verbose:
                    print(f"{name}: {row['text']!r} {field}: want {row[field]!r}, got {have!r}")
    print(f"{total} figures: " + ", ".join(f"{f} {right[f]}/{total}" for f in FIELDS) +
          f", all fields {sum(right.values())}/{total * len(FIELDS)}")

main()
