#!/usr/bin/env python3
"""Hashiya process plugin: finds quotations and dates in news reports.

Speaks the JSON-lines protocol of docs/plugin-protocol.md on stdin/stdout. It declares
offsetUnit "utf16" on purpose, to show how a plugin written for UTF-16 strings (as in
JavaScript or Java) reports offsets: Python counts code points, so every offset is
converted before it is sent.
"""

import json
import re
import sys

PLUGIN_ID = "quote-finder"
VERSION = "1.0.0"

# Opening mark -> (closing mark, value of the "marks" attribute).
QUOTES = [
    ("\u201c", "\u201d", "curly"),       # “…”
    ("\u00ab", "\u00bb", "guillemets"),  # «…»
    ('"', '"', "straight"),              # "…"
]

MONTHS = {
    # Levantine and Iraqi names.
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "اذار": 3, "نيسان": 4, "أيار": 5, "ايار": 5,
    "حزيران": 6, "تموز": 7, "آب": 8, "اب": 8, "أيلول": 9, "ايلول": 9,
    "تشرين الأول": 10, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الأول": 12, "كانون الاول": 12,
    # Egyptian and Gulf names.
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9,
    "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    # English.
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

DIGITS = "0-9\u0660-\u0669"
MONTH_NAMES = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
DATE_PATTERNS = [
    # 12 آذار 2019, 3 March 2021, 12 آذار (year optional).
    re.compile(rf"(?<![{DIGITS}])([{DIGITS}]{{1,2}})\s+({MONTH_NAMES})(?:\s+(?:عام\s+)?([{DIGITS}]{{4}}))?(?![\w])",
               re.IGNORECASE),
    # 2019-03-12
    re.compile(rf"(?<![{DIGITS}])([{DIGITS}]{{4}})-([{DIGITS}]{{1,2}})-([{DIGITS}]{{1,2}})(?![{DIGITS}])"),
    # 12/3/2019
    re.compile(rf"(?<![{DIGITS}])([{DIGITS}]{{1,2}})/([{DIGITS}]{{1,2}})/([{DIGITS}]{{4}})(?![{DIGITS}])"),
]


def to_int(digits):
    """Arabic-Indic digits count like Western ones."""
    return int(digits.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))


def utf16_offsets(text):
    """offsets[i] is the UTF-16 offset of code point i; one extra entry for the end.

    Characters outside the Basic Multilingual Plane (most emoji) take two UTF-16 units.
    Equivalent to len(text[:i].encode("utf-16-le")) // 2, without the quadratic cost.
    """
    offsets = [0] * (len(text) + 1)
    for i, ch in enumerate(text):
        offsets[i + 1] = offsets[i] + (2 if ord(ch) > 0xFFFF else 1)
    return offsets


def find_quotations(text):
    found = []
    for opening, closing, marks in QUOTES:
        start = 0
        while True:
            open_at = text.find(opening, start)
            if open_at < 0:
                break
            close_at = text.find(closing, open_at + 1)
            if close_at < 0:
                break
            inner_start, inner_end = open_at + 1, close_at
            # Leave out spaces just inside the marks.
            while inner_start < inner_end and text[inner_start].isspace():
                inner_start += 1
            while inner_end > inner_start and text[inner_end - 1].isspace():
                inner_end -= 1
            if inner_end > inner_start:
                found.append((inner_start, inner_end, "quotation", {"marks": marks},
                              f"text between {opening}{closing}", 0.8))
            start = close_at + 1
    return found


def find_dates(text):
    found = []
    taken = []
    for index, pattern in enumerate(DATE_PATTERNS):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            attributes = {}
            try:
                if index == 0 and match.group(3):
                    month = MONTHS[match.group(2).lower()]
                    attributes["iso"] = f"{to_int(match.group(3)):04d}-{month:02d}-{to_int(match.group(1)):02d}"
                elif index == 1:
                    year, month, day = (to_int(g) for g in match.groups())
                    attributes["iso"] = f"{year:04d}-{month:02d}-{day:02d}"
                elif index == 2:
                    day, month, year = (to_int(g) for g in match.groups())
                    attributes["iso"] = f"{year:04d}-{month:02d}-{day:02d}"
            except KeyError:
                pass
            taken.append((start, end))
            found.append((start, end, "date", attributes, "date pattern", 0.7))
    return found


def suggest(report):
    text = report["text"]
    units = utf16_offsets(text)
    suggestions = []
    for start, end, label, attributes, explanation, score in sorted(find_quotations(text) + find_dates(text)):
        suggestions.append({
            "label": label,
            "start": units[start],
            "end": units[end],
            "attributes": attributes,
            "score": score,
            "explanation": explanation,
        })
    return {"report": report["id"], "suggestions": suggestions}


def answer(message):
    kind = message.get("type")
    if kind == "describe":
        return {"type": "describe", "id": PLUGIN_ID, "name": "Quote finder", "version": VERSION,
                "protocol": 1, "offsetUnit": "utf16"}
    if kind == "suggest":
        try:
            results = [suggest(report) for report in message["reports"]]
        except Exception as error:  # report the problem instead of dying mid-request
            return {"type": "error", "request": message.get("request"), "message": repr(error)}
        return {"type": "suggestions", "request": message["request"], "results": results}
    return {"type": "error", "request": message.get("request"), "message": f"unknown message type {kind!r}"}


def main():
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        message = json.loads(line.decode("utf-8"))
        if message.get("type") == "shutdown":
            break
        sys.stdout.write(json.dumps(answer(message), ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
