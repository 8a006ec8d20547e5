#!/usr/bin/env python3
"""Regenerates the seed corpora fuzz/corpus/<target>/ from the string literals of
the tests (and a few hand-written cases). Run from anywhere; idempotent: files are
named by the SHA-1 of their content. libFuzzer adds what it finds to its own
working corpus, not here."""

import hashlib
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"

LITERAL = re.compile(r'(?:u8)?"((?:[^"\\\n]|\\.)*)"')
ADJACENT = re.compile(r'(?:(?:u8)?"(?:[^"\\\n]|\\.)*"\s*)+')


def decode(body: str) -> bytes:
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out += c.encode("utf-8")
            i += 1
            continue
        n = body[i + 1]
        if n == "x":
            m = re.match(r"[0-9a-fA-F]+", body[i + 2:])
            out.append(int(m.group(0), 16) & 0xFF)
            i += 2 + len(m.group(0))
            continue
        if n in "01234567":
            m = re.match(r"[0-7]{1,3}", body[i + 1:])
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
            continue
        out += {"n": b"\n", "t": b"\t", "r": b"\r", "0": b"\0"}.get(n, n.encode("utf-8"))
        i += 2
    return bytes(out)


def literals(*globs):
    """Each run of adjacent literals in the files, concatenated, as bytes."""
    found = []
    for g in globs:
        for path in sorted(ROOT.glob(g)):
            text = path.read_text(encoding="utf-8", errors="replace")
            text = re.sub(r"^\s*#include.*$", "", text, flags=re.M)
            for run in ADJACENT.finditer(text):
                found.append(b"".join(decode(m.group(1)) for m in LITERAL.finditer(run.group(0))))
    seen, unique = set(), []
    for s in found:
        if s not in seen and len(s) <= 4096:
            seen.add(s)
            unique.append(s)
    return unique


# Inputs that found bugs (docs/reliability.md, "Findings"): replayed by every smoke run.
REPRODUCERS = {
    "fuzz_parse_figure": [b"\x00" + b"12345678901234567890123456789012345678",                      # F1
                          b"\x00about 1234567890123456789012345678901234567"],
    "fuzz_normalize": [b"\x04date,figure\n2025-01-08,CNY 7\n2025-01-08,Rmb" + b"9" * 38 + b"bn\n"],  # F2
    "fuzz_parse_period": [b"\x05quarter ended June 30, 0244", b"\x04FY0999-00"],                    # F3
    "fuzz_csv_splitter": [b'?\x03\x05?\x03\x05\x01date,figure\n2025-01-06,"untermi\x01date,base,quote,rquote,rate\n'
                          b"2025-03-28,EUR,naate\n2025-03-28,EUR,natedU\nSD,\n"],                  # F4
    "fuzz_decimal_parse": [b"1e9"],  # a wrong invariant of the first draft: 81 x 10^9 prints as plain digits
}


def write(target, seeds):
    seeds = seeds + REPRODUCERS.get(target, [])
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    # Seeds are only added: reproducers copied in by hand (finding-*) stay.
    for s in seeds:
        (d / hashlib.sha1(s).hexdigest()).write_bytes(s)
    print(f"{target}: {len(seeds)} seeds")


def short(seeds, limit=80):
    return [s for s in seeds if 0 < len(s) <= limit and b"\n" not in s]


figures = short(literals("tests/parse/*.cpp"))
write("fuzz_parse_figure", [bytes([k]) + s for s in figures for k in (0x00, 0x01)])
write("fuzz_v1_figure", figures + [b"Rmb81bn", b"26.549 billion yuan", b"HK$140.9 per share", b"$1,234.5m",
                                   b"\xe2\x82\xac3tn", b"USD 12 thousand", b"1.5 Hong Kong dollars per share"])

decimals = short(literals("tests/decimal/*.cpp"), 60)
pairs = [b"1.5|-0.25", b"99999999999999999999999999999999999999|1", b"1e1000|1e-1000", b"7|3", b"-0.00|2.50"]
write("fuzz_decimal_parse", decimals + pairs)

periods = short(literals("tests/time/parse_period.cpp", "tests/time/period.cpp"), 60)
write("fuzz_parse_period", [bytes([k]) + s for s in periods for k in (0, 2, 4)])

dates = short(literals("tests/time/date.cpp"), 40)
write("fuzz_parse_date", dates + [b"2025-02-30", b"2024-02-29", b"0000-01-01", b"9999-12-31"])

fx = [s for s in literals("tests/fx/*.cpp") if b"\n" in s]
def loader(s):
    if s.lstrip(b"\xef\xbb\xbf").startswith(b"Date,Country"):
        return [1, 2]
    if s.lstrip(b"\xef\xbb\xbf").startswith(b"date,base"):
        return [3]
    return [0]
write("fuzz_fx_loaders", [bytes([k]) + s for s in fx for k in loader(s)])

normalize_rows = [
    b"date,figure\n2025-01-06,Rmb81bn\n2025-01-06,$3.5m\n",
    b"date,figure\r\n2025-01-09,HK$140.9 per share\r\n2025-01-10,\"\xe2\x82\xac1,234.5 million\"\r\n",
    b"\xef\xbb\xbfdate,figure\n2025-01-04,26.549 billion yuan\n2025-02-28,$1\n2024-12-01,HK$5\n",
    b"date,figure\n2025-02-30,$1\n2025-01-06,\xc2\xa35bn\n2025-01-06,$1,2,3\n2025-01-06,\"$1\n\n2025-01-07,$2,extra\n",
    b"2025-01-06,Rmb81bn\n2025-01-07,USD 12 thousand\n",
    b"Date,Figure\n\n2025-01-08,CNY 7\n2025-01-08,Rmb99999999999999999999999999999999999999bn\n",
    b"date,figure\n2025-01-06,\"unterminated\n",
]
write("fuzz_normalize", [bytes([k]) + s for s in normalize_rows for k in range(5)])

csv_texts = fx + normalize_rows + [b'a,"b ""quoted"" c",d\n"multi\nline",x\r\n', b"\xef\xbb\xbf\"a\"b,c\n"]
write("fuzz_csv_splitter", [bytes([k, 3, 5, 1]) + s for s in csv_texts for k in (8, 63)])

# The upper layers (issue 11): claims, check end to end, extract, series and market files.
claims_csv = (ROOT / "data" / "alibaba" / "claims.csv").read_bytes()
claims_rows = claims_csv.split(b"\n", 1)[1]
write("fuzz_claims_csv", [b"\x00" + claims_rows, b"\x01" + claims_csv, b"\x00" + claims_rows[:2000],
                          b'\x00A1,d,"q ""x""",Rmb81bn,Alibaba,,,capex,FY2025,2025-03-17,,\nA1,d,q,$1,A,,,m,,,,\n',
                          b"\x00A2,d,q,about 1234567890123456789012345678901234567,Alibaba,,,capex,,,converts:A9,\n"])
check_lines = [bytes([k, f]) + s for k, f, s in [
    (18, 1, b"Rmb81bn"), (19, 1, b"$11bn"), (0, 3, b"FY2025 Q3"), (9, 4, b"0000-02-29"),
    (27, 5, b"converts:A18"), (5, 1, b"about 1234567890123456789012345678901234567"), (44, 0, b"x\ny")]]
write("fuzz_check_claims", [b"", b"\n".join(check_lines[:3]), b"\n".join(check_lines)] + check_lines)
articles = [s for s in literals("tests/extract/*.cpp") if len(s) > 20]
write("fuzz_extract", articles[:200] + [
    "Alibaba’s Wu has spent Rmb81bn ($11bn) on capital expenditure, up from Rmb34bn.".encode("utf-8"),
    b"Revenue rose 13% to 31.742 billion yuan in the December quarter; shares jumped nearly 60% this year.\n"])
series_texts = [s for s in literals("tests/series/*.cpp", "tests/series/*.hpp") if b"\n" in s]
write("fuzz_series_loaders", [bytes([k]) + s for s in series_texts for k in range(4)])
profiles = [p.read_bytes() for p in sorted((ROOT / "data").glob("*/issuer.json"))]
profiles += [s for s in literals("tests/check/*.cpp", "tests/data/*.cpp", "tests/reliability/*.cpp") if s.lstrip().startswith(b"{")]
write("fuzz_issuer_profile", profiles + [
    b'{"issuer": "X", "listings": [{"symbol": "A", "currency": "HKD", "kind": "depositary",'
    b' "ads_ratio": [{"from": "2019-11-26", "ordinary_per_ads": "8"}],'
    b' "prices": [{"path": "a.csv", "from": "2020-01-01", "until": "2019-01-01"}]}]}',
    b'{"issuer": "X", "shares_outstanding": [{"date": "2024-03-31", "count": "1e999"}], "fiscal_year": {"end_month": "Mar"}}',
    b'{"issuer": "X", "fiscal_year": {"end_month": 18446744073709551616}}',
    b'{"issuer": "X\\n\xff", "aliases": [""]}',
])
