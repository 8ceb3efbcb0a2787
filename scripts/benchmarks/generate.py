#!/usr/bin/env python3
"""Deterministic synthetic Arabic news reports for Hashiya's benchmarks.

Usage: generate.py --reports N [--annotations M] [--bytes 3000] [--seed 7] OUT.jsonl

Without --annotations, writes plain report JSONL. With it, writes a Hashiya native export
(a header line, then one report per line) whose M annotations are spread over the three
built-in layers and three authors (amal, karim, lina), as a team's project would hold them.

Vocabulary and sentence shapes follow the sample report in projects/samples: reporting verbs,
quoted names, organisations, numbers in digits and words, a few diacritised words, some Latin
and emoji. The same arguments always give the same bytes.
"""
import argparse
import json
import random
import re
import uuid
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


AUTHORS = ["amal", "karim", "lina"]
LAYERS = [("speaker-tagging", "speaker", {}), ("claim-labeling", "claim", {"type": "statistical"}),
          ("translation-notes", "note", {"translation": "a gloss", "kind": "gloss"})]
WORD = re.compile(r"[\u0621-\u065F\u0670-\u06D3]+(?: [\u0621-\u065F\u0670-\u06D3]+)?")


def annotate(rng, task, count, handle):
    """`count` annotations on whole words of the text, as a native export writes them."""
    text = task["text"]
    words = [m.span() for m in WORD.finditer(text)]
    annotations = []
    for _ in range(count):
        start, end = rng.choice(words)
        layer, label, attributes = rng.choice(LAYERS)
        handle += 1
        annotations.append({
            "id": str(uuid.UUID(int=rng.getrandbits(128))), "handle": handle, "layer": layer, "label": label,
            "start": start, "end": end, "quote": text[start:end], "attributes": attributes,
            "author": rng.choice(AUTHORS), "origin": "manual", "status": "active",
            "createdAt": "2026-01-01T00:00:00.000Z", "updatedAt": "2026-01-01T00:00:00.000Z",
            "links": [], "reviews": []})
    return {"id": handle, "uid": task["id"], "title": task["title"], "language": "ar", "source": "bench",
            "url": None, "published": None, "metadata": {}, "text": text, "sha256": "", "hadBOM": False,
            "annotations": annotations}, handle


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, required=True)
    parser.add_argument("--annotations", type=int, default=0)
    parser.add_argument("--bytes", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("out")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    per_report = args.annotations // args.reports if args.reports else 0
    handle = 0
    with open(args.out, "w", encoding="utf-8") as out:
        if args.annotations:
            out.write(json.dumps({
                "kind": "header", "format": "hashiya-export", "version": 1, "offsetUnit": "unicode-scalar",
                "offsets": ["unicode-scalar"], "project": {"uid": "bench", "name": "bench.hashiya",
                "exportedAt": "2026-01-01T00:00:00.000Z", "exportedBy": "bench", "gold": False},
                "schemas": []}) + "\n")
        for index in range(args.reports):
            task = report(rng, index, args.bytes)
            if args.annotations:
                task, handle = annotate(rng, task, per_report, handle)
            out.write(json.dumps(task, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
