#!/usr/bin/env python3
"""Deterministic synthetic Arabic news reports for Hashiya's benchmarks.

Usage: generate.py --reports N [--bytes 3000] [--seed 7] OUT.jsonl

Vocabulary and sentence shapes follow the sample report in projects/samples: reporting verbs,
quoted names, organisations, numbers in digits and words, a few diacritised words, some Latin
and emoji. The same arguments always give the same bytes.
"""
import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED_TEXT = (ROOT / "projects/samples/coalition-sdf-report.ar.txt").read_text(encoding="utf-8")
WORDS = [w for w in re.findall(r"[\u0621-\u064A\u0671-\u06D3]+", SEED_TEXT) if len(w) > 1]
VERBS = ["أكد", "قال", "أشار", "أضاف", "أوضح", "بيّن", "صرّح", "لفت", "وأكدت", "وقالت"]
NAMES = ["كيفين كويثي", "كينو كابرييل", "سارة الأحمد", "محمد محمود", "ليلى حسن", "John Miller", "Ruth Okafor"]
ORGS = ["قسد", "داعش", "التحالف الدولي", "البشمركة", "الإدارة الذاتية", "الأمم المتحدة", "SDF", "UNHCR"]
NUMBERS = ["120 ألف", "ثمانية ملايين", "٣٠٠", "40%", "1.2 مليار دولار", "خمسة آلاف", "15 بالمئة", "2019"]
DIACRITISED = ["وبيّنَ", "أنّهم", "الدَّولي", "مُقاتِل", "حدّ", "سواءً", "الإرْهاب"]
EMOJI = ["🚀", "🌍", "👍🏽", "🇸🇾", "📈"]
LATIN = ["AI", "Tech Summit", "GPS", "NGO", "press conference"]


def sentence(rng):
    shape = rng.random()
    filler = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14)))
    if shape < 0.3:
        return f"{rng.choice(VERBS)} “{rng.choice(NAMES)}” {filler} {rng.choice(NUMBERS)} {rng.choice(WORDS)}."
    if shape < 0.5:
        return f"و{rng.choice(VERBS)} أنّ {rng.choice(ORGS)} {filler}، «{' '.join(rng.choice(WORDS) for _ in range(8))}»."
    if shape < 0.65:
        return f"{filler} {rng.choice(DIACRITISED)} {rng.choice(LATIN)} {rng.choice(EMOJI)} {rng.choice(WORDS)}؟"
    return f"{filler} {rng.choice(ORGS)} {rng.choice(NUMBERS)} {rng.choice(DIACRITISED)}."


def report(rng, index, target_bytes):
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 9)))
    lines = [title]
    size = len(title.encode())
    while size < target_bytes:
        line = " ".join(sentence(rng) for _ in range(rng.randint(1, 3)))
        lines.append(line)
        size += len(line.encode()) + 1
    # A reference number unique to the report makes a selective search term.
    lines.append(f"رقم المرجع R{index:06d}")
    return {"id": f"bench-{index:06d}", "title": title, "text": "\n".join(lines), "lang": "ar", "source": "bench"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, required=True)
    parser.add_argument("--bytes", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("out")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.out, "w", encoding="utf-8") as out:
        for index in range(args.reports):
            out.write(json.dumps(report(rng, index, args.bytes), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
