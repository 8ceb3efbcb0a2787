#!/usr/bin/env python3
"""Hashiya's benchmark suite: whole commands of the release binary, timed side by side with a
Prodigy-style Python baseline and with SQLite's own floor, written to docs/PERFORMANCE.md.

Usage: run.py BINARY WORKDIR [--size small|large] [--runs K] [--only merge|suggest|latency|exchange]

small: 1,000 reports and 10,000 annotations (a quick check); large: 100,000 reports and
1,000,000 annotations (the headline). Times are medians of whole commands; latencies are
measured inside the process per command (HASHIYA_TIMING=1) over commands piped in batch.
The merge scenario (merge.py) uses 1,000 reports and 10,000 annotations for small, 10,000 and
100,000 for large; --only merge runs it alone and updates just its row in docs/PERFORMANCE.md.
--only suggest imports the data afresh and reruns the rows of suggest, agreement, accept all and
its undo alone, updating just those rows; --only latency does the same for the latency rows, and
--only exchange for the rows of import and export, each beside its floor.
"""
import argparse
import json
import os
import platform
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GENERATE = ROOT / "scripts/benchmarks/generate.py"
SIZES = {"small": (1_000, 10_000), "large": (100_000, 1_000_000)}
DOCUMENT = ROOT / "docs/PERFORMANCE.md"
HEADER = "| scenario | Hashiya | peak RSS | Python baseline | Hashiya / baseline | SQLite floor | target |"
NOTES = [
    "- Times are medians of whole commands (import and export include process start).",
    "- The **baseline** does what a Prodigy-style tool does, in Python 3's `sqlite3` and `json`: one JSON\n"
    "  blob per example with an FTS5 index of the text on import, `json.dumps` per line on export. It runs\n"
    "  in the same invocation. Ratios below 1 mean Hashiya is faster.",
    "- The **SQLite floor** is the `sqlite3` shell doing the same work in bulk: `.import` of the lines,\n"
    "  `INSERT … SELECT` from `json_each` with the FTS5 index, and a `json_object` export. The **import\n"
    "  floor** row is the shell copying the rows Hashiya's import wrote into an empty file with Hashiya's\n"
    "  schema, one `INSERT … SELECT` per table on one connection: what SQLite itself needs for those rows\n"
    "  and that index, before any parsing or checking, word tokens included. Both import floors write with\n"
    "  a rollback journal, as Hashiya's import of a large file does. Each import run is followed by\n"
    "  its schema floor; after the native exports to a file, the same export to standard output\n"
    "  (discarded) and the `json_object` floor, which writes to `/dev/null` too, take turns at going\n"
    "  first, so the \"× floor\" ratios in the ratio column (Hashiya / floor) come from interleaved runs of\n"
    "  the same kind of work. That floor writes 11 of\n"
    "  the 33 fields of a report and its annotations; the **every-field floor** row writes all the stored\n"
    "  ones (not the quotes' contexts, which Hashiya cuts at grapheme boundaries), as often.",
    "- The **row-by-row floor** (`scripts/benchmarks/row_floor.c`, built with the system's C compiler\n"
    "  against the SQLite Hashiya uses) writes the rows of the import floor through the import's own\n"
    "  single-row statements, in its order (a report, its search row, its word tokens, its annotations,\n"
    "  its event), reading them from the imported project: what SQLite alone needs when every row is a\n"
    "  statement of its own. It follows the schema floor in each run, and each of the three starts after\n"
    "  `sync`, the gigabyte the previous one wrote on disk.",
    "- Latencies are measured inside the process per command (`HASHIYA_TIMING=1`) over commands piped in\n"
    "  batch.",
    "- The **merge** row (`scripts/bench --only merge` runs it alone) imports a project, copies it twice,\n"
    "  edits 10 % of the annotations in each copy as a different user through the binary (a fifth of them\n"
    "  in both copies, half of those the same attribute), then times `merge` of one copy into a fresh copy\n"
    "  of the other. Its floor is the `sqlite3` shell attaching the other copy and doing `INSERT OR\n"
    "  REPLACE` of its annotations and `INSERT OR IGNORE` of its events: the least work a merge must do;\n"
    "  the ratio is Hashiya / floor.",
]


def high_water_mark(pid, name):
    """The process's own peak resident set (VmHWM) in KiB, once it runs `name`; None before or after."""
    try:
        fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    except (OSError, ValueError):
        return None
    if fields.get("Name", "").strip() != name[:15]:
        return None
    return int(fields.get("VmHWM", "0 kB").split()[0])


def timed(argv, stdin=None, env=None, stdout=subprocess.DEVNULL):
    """Runs argv once; returns (seconds, peak RSS in MB, stderr bytes).

    The peak is the child's own VmHWM, read while it runs. Its ru_maxrss would not do: Linux carries
    the forking process's peak across exec, so after a step that grew this script (the merge's
    preparation reads a million handles) every child would report at least that."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(a) for a in argv], stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=stdout, stderr=subprocess.PIPE, env=env)
    if stdin is not None:
        # Feed standard input from a thread so a chatty stderr can never block the child.
        writer = threading.Thread(target=lambda: (process.stdin.write(stdin), process.stdin.close()))
        writer.start()
    peak = [0]
    name = Path(str(argv[0])).name
    finished = threading.Event()

    def watch():
        # The mark only grows: the last reading before the exit is the peak, give or take its last moments.
        while not finished.is_set():
            peak[0] = max(peak[0], high_water_mark(process.pid, name) or 0)
            finished.wait(0.01)

    watcher = threading.Thread(target=watch)
    watcher.start()
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    finished.set()
    watcher.join()
    elapsed = time.perf_counter() - started
    if stdin is not None:
        writer.join()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"command failed: {' '.join(map(str, argv))}\n{err.decode()[-2000:]}")
    return elapsed, (peak[0] or usage.ru_maxrss) / 1024, err


def measured(argv, runs, prepare=None, env=None, stdout=subprocess.DEVNULL):
    """Median seconds and the largest peak RSS over `runs` runs, calling prepare() before each."""
    times, peaks = [], []
    for _ in range(runs):
        if prepare:
            prepare()
        elapsed, rss, _ = timed(argv, env=env, stdout=stdout)
        times.append(elapsed)
        peaks.append(rss)
    return statistics.median(times), max(peaks)


def median_of(runs, function):
    """Median seconds of `runs` calls of function()."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def remove(path):
    """Deletes a SQLite file with its -wal and -shm, those that exist."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


# The baseline: what a Prodigy-style tool does — one JSON blob per example (text and spans),
# an FTS5 index of the text, json.dumps per line on the way out.

def baseline_import(jsonl, db_path):
    remove(db_path)
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE example (id INTEGER PRIMARY KEY, input_hash TEXT, content TEXT)")
    db.execute("CREATE VIRTUAL TABLE example_fts USING fts5(text, content='')")
    with open(jsonl, encoding="utf-8") as lines, db:
        for line in lines:
            task = json.loads(line)
            if task.get("kind") == "header":
                continue
            example = {"text": task["text"], "meta": {"uid": task["uid"], "title": task["title"]},
                       "spans": [{"start": a["start"], "end": a["end"], "label": a["label"], "layer": a["layer"],
                                  "author": a["author"]} for a in task.get("annotations", [])]}
            cursor = db.execute("INSERT INTO example (input_hash, content) VALUES (?, ?)",
                                (str(hash(task["text"])), json.dumps(example, ensure_ascii=False)))
            db.execute("INSERT INTO example_fts (rowid, text) VALUES (?, ?)", (cursor.lastrowid, task["text"]))
    db.close()


def baseline_export(db_path, out):
    db = sqlite3.connect(db_path)
    with open(out, "w", encoding="utf-8") as sink:
        for (content,) in db.execute("SELECT content FROM example ORDER BY id"):
            sink.write(json.dumps(json.loads(content), ensure_ascii=False) + "\n")
    db.close()


# SQLite's own floor, through its shell: bulk INSERT … SELECT from json_each, json_object out.

# How the import floors write: as Hashiya writes an import of a large file (out of the write-ahead
# log), so that the floor and the import differ only in the work, not in how SQLite stores it.
FLOOR_JOURNAL = "DELETE"

def sqlite_floor_import(sqlite, jsonl, db_path):
    remove(db_path)
    script = f"""
PRAGMA journal_mode={FLOOR_JOURNAL};
CREATE TABLE raw(line TEXT);
.mode ascii
.separator "\x1f" "\\n"
.import {jsonl} raw
CREATE TABLE reports(id INTEGER PRIMARY KEY, uid TEXT, title TEXT, text TEXT);
CREATE TABLE annotations(id INTEGER PRIMARY KEY, reportId INTEGER, layer TEXT, label TEXT, start INTEGER, "end" INTEGER, author TEXT);
CREATE VIRTUAL TABLE reports_fts USING fts5(title, body, content='');
BEGIN;
INSERT INTO reports SELECT rowid, json_extract(line, '$.uid'), json_extract(line, '$.title'), json_extract(line, '$.text')
  FROM raw WHERE json_extract(line, '$.kind') IS NULL;
INSERT INTO annotations(reportId, layer, label, start, "end", author)
  SELECT raw.rowid, json_extract(a.value, '$.layer'), json_extract(a.value, '$.label'), json_extract(a.value, '$.start'),
    json_extract(a.value, '$.end'), json_extract(a.value, '$.author')
  FROM raw, json_each(raw.line, '$.annotations') a WHERE json_extract(raw.line, '$.kind') IS NULL;
INSERT INTO reports_fts(rowid, title, body) SELECT id, title, text FROM reports;
COMMIT;
"""
    subprocess.run([sqlite, db_path], input=script.encode(), check=True, stdout=subprocess.DEVNULL)


def sqlite_schema_floor(sqlite, project, db_path):
    """SQLite alone writing the rows a Hashiya import wrote, into an empty file with Hashiya's schema:
    the least any importer into that schema can take, with no parsing, checking or per-row statements."""
    remove(db_path)
    schema = project_schema(sqlite, project)
    # "WHERE id > 0" keeps SQLite from copying pages wholesale, which no import could do.
    script = f"""
PRAGMA journal_mode={FLOOR_JOURNAL};
{schema}
PRAGMA cache_size=-98304;
PRAGMA foreign_keys=ON;
INSERT INTO reports_fts(reports_fts, rank) VALUES ('hashsize', 33554432);
ATTACH '{project}' AS s;
BEGIN;
INSERT INTO reports SELECT * FROM s.reports WHERE id > 0;
INSERT INTO reports_fts(rowid, title, body) SELECT id, title, text FROM s.reports WHERE id > 0;
INSERT INTO annotations SELECT * FROM s.annotations WHERE id > 0;
INSERT INTO events SELECT * FROM s.events WHERE id > 0;
INSERT INTO reportTokens SELECT * FROM s.reportTokens WHERE reportId > 0;
COMMIT;
"""
    subprocess.run([sqlite, db_path], input=script.encode(), check=True, stdout=subprocess.DEVNULL)


def project_schema(sqlite, project):
    """The SQL that makes an empty file with `project`'s schema."""
    schema = subprocess.run([sqlite, "-readonly", project, ".schema"], check=True, capture_output=True).stdout.decode()
    return "\n".join(line for line in schema.splitlines() if "sqlite_sequence" not in line)


ROW_FLOOR_SOURCE = Path(__file__).resolve().parent / "row_floor.c"


def build_row_floor(work):
    """Compiles row_floor.c against the system's SQLite (the one Hashiya uses) into `work`; its path,
    or None, with the reason on standard error, where there is no C compiler or no sqlite3.h."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    binary = work / "row-floor"
    if compiler is None:
        print("no C compiler: the import's row-by-row floor is left out", file=sys.stderr)
        return None
    built = subprocess.run([compiler, "-O2", "-o", binary, ROW_FLOOR_SOURCE, "-lsqlite3"], capture_output=True)
    if built.returncode != 0:
        print("row_floor.c did not build (apt-get install -y libsqlite3-dev): the import's row-by-row floor is "
              "left out\n" + built.stderr.decode(errors="replace"), file=sys.stderr)
        return None
    return binary


def sqlite_row_floor(sqlite, row_floor, project, db_path):
    """SQLite alone writing the rows a Hashiya import wrote through the import's own single-row
    statements, in its order (row_floor.c): the least an importer that writes a row per statement can take."""
    remove(db_path)
    schema = db_path.with_suffix(".sql")
    schema.write_text(project_schema(sqlite, project), encoding="utf-8")
    subprocess.run([row_floor, db_path, project, schema, FLOOR_JOURNAL], check=True)


def sqlite_floor_export(sqlite, project):
    script = """
.output /dev/null
SELECT json_object('uid', r.uid, 'title', r.title, 'text', r.text, 'annotations',
  (SELECT json_group_array(json_object('id', a.uuid, 'layer', a.layer, 'label', a.label, 'start', a.start,
     'end', a."end", 'quote', a.quote, 'author', a.author)) FROM annotations a WHERE a.reportId = r.id))
FROM reports r ORDER BY r.id;
"""
    subprocess.run([sqlite, "-readonly", project], input=script.encode(), check=True, stdout=subprocess.DEVNULL)


def sqlite_fields_floor_export(sqlite, project):
    """The json_object floor writing every stored field the native export writes, in its order, with
    each report's annotations in the export's order; not the quotes' contexts, which Hashiya cuts at
    grapheme boundaries and SQL cannot. Review work is written empty, as the bench project has none."""
    script = """
.output /dev/null
SELECT json_object('id', r.id, 'uid', r.uid, 'title', r.title, 'language', r.language, 'source', r.source,
  'url', r.url, 'published', r.published, 'metadata', json(r.metadata), 'sha256', r.sha256,
  'hadBOM', json(CASE WHEN r.hadBOM THEN 'true' ELSE 'false' END), 'length', r.length, 'text', r.text,
  'annotations', (SELECT json_group_array(json_object('id', a.uuid, 'handle', a.id, 'layer', a.layer,
     'label', a.label, 'start', a.start, 'end', a."end", 'quote', a.quote, 'attributes', json(a.attributes),
     'author', a.author, 'origin', a.origin, 'status', a.status, 'createdAt', a.createdAt,
     'updatedAt', a.updatedAt, 'links', json_array(), 'reviews', json_array()))
    FROM (SELECT * FROM annotations WHERE reportId = r.id AND status = 'active' ORDER BY start, "end", id) a),
  'reviewDecisions', json_array(), 'reviewState', json_array(), 'suggestionDecisions', json_array())
FROM reports r ORDER BY r.id;
"""
    subprocess.run([sqlite, "-readonly", project], input=script.encode(), check=True, stdout=subprocess.DEVNULL)


def table_row(scenario, hashiya, rss="", baseline=None, floor=None, target="", ratio=None):
    """One row of the results table, its cells formatted; the ratio is Hashiya / baseline unless given."""
    ratio = ratio if ratio is not None else (f"{hashiya / baseline:.2f}" if baseline else "")
    return (scenario, f"{hashiya:.2f} s" if isinstance(hashiya, float) else hashiya,
            f"{rss:.0f} MB" if isinstance(rss, float) else rss,
            f"{baseline:.2f} s" if baseline else "", ratio,
            f"{floor:.2f} s" if floor else "", target)


def versus(seconds, baseline, floor, name):
    """The ratio cell of a row timed against both: Hashiya / baseline, then Hashiya / `name`."""
    ratios = [f"{seconds / baseline:.2f}"] if baseline else []
    if floor:
        ratios.append(f"{seconds / floor:.2f} × {name}")
    return " · ".join(ratios)


def table(rows):
    """The Markdown lines of the results table."""
    return [HEADER, "|---|---|---|---|---|---|---|"] + ["| " + " | ".join(r) + " |" for r in rows]


def scenario_shape(line):
    """A table line's scenario cell with every number in it blanked: the same row whatever its counts."""
    return re.sub(r"\d[\d,.]*", "#", line.split(" | ")[0])


def update_rows(rows):
    """Replaces each row's line in docs/PERFORMANCE.md, matched on its scenario cell, or failing that on the
    cell with its numbers blanked (counts in it can change), or adds it at the end of the results table;
    adds any note the document lacks. Other rows stay as they were."""
    lines = DOCUMENT.read_text(encoding="utf-8").splitlines()
    for line in table(rows)[2:]:
        cell = line.split(" | ")[0] + " | "
        matches = ([i for i, old in enumerate(lines) if old.startswith(cell)]
                   or [i for i, old in enumerate(lines)
                       if old.startswith("| ") and scenario_shape(old) == scenario_shape(line)])
        if matches:
            lines[matches[0]] = line
        else:
            # At the end of the results table, not of the document's last table: past its header and the
            # line under it.
            last = lines.index(HEADER) + 1
            while last + 1 < len(lines) and lines[last + 1].startswith("| "):
                last += 1
            lines.insert(last + 1, line)
    for note in NOTES:
        if note.splitlines()[0] not in lines:
            start = lines.index(HEADER)
            lines[start - 1:start - 1] = note.splitlines()
    DOCUMENT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def latencies(binary, project, commands, env):
    """Per-command in-process durations (ms) reported by HASHIYA_TIMING over one batch run."""
    _, _, err = timed([binary, project], stdin="\n".join(commands).encode() + b"\n", env=env)
    values = [int(line.split("\t")[2]) / 1000 for line in err.decode().splitlines() if line.startswith("timing\t")]
    expected = sum(line.count(";") + 1 for line in commands)
    if len(values) != expected:
        sys.exit(f"expected {expected} timings, got {len(values)}")
    return values


def latency_rows(binary, project, reports, env):
    """Per-command latencies at the prompt on random reports, and the time to start and run one command."""
    rows = []
    rng = random.Random(3)
    timing = dict(env, HASHIYA_TIMING="1")
    scenarios = [
        ("show", [f"show {rng.randint(1, reports)}" for _ in range(1000)], "p99 < 1 ms"),
        ("find (after show)", [f"show {rng.randint(1, reports)}; find الدولي" for _ in range(500)], ""),
        ("search, selective", [f"search R{rng.randint(0, reports - 1):06d}" for _ in range(1000)], "p99 < 5 ms"),
        ("search, common word", [f"search {rng.choice(['الدولي', 'داعش', 'سوريا'])}" for _ in range(100)],
         "p99 < 100 ms"),
        ("ls --label claim (on a report)", [f"show {rng.randint(1, reports)}; ls --label claim" for _ in range(500)],
         ""),
    ]
    for name, commands, target in scenarios:
        values = latencies(binary, project, commands, timing)
        if name in ("find (after show)", "ls --label claim (on a report)"):
            values = values[1::2]
        rows.append((f"{name} ({len(values)} commands)", f"p50 {percentile(values, 50):.2f} ms",
                     "", "", "", "", f"p99 {percentile(values, 99):.2f} ms ({target or 'no target'})"))
    starts = []
    for _ in range(20):
        elapsed, _, _ = timed([binary, project, "-c", "whoami"], env=env)
        starts.append(elapsed * 1000)
    rows.append(("process start → first command done (whoami)", f"{statistics.median(starts):.1f} ms", "", "", "",
                 "", "< 20 ms"))
    return rows


def suggestion_rows(binary, project, reports, runs, size, env):
    """`suggest --all-reports` and `agreement` on the imported project, then `accept all` of the list
    suggest kept and its undo: one run each, as both change the project (the undo leaves the
    annotations as they were, with millions of rows more in the file)."""
    rows = []
    seconds, rss = measured([binary, project, "-c", "suggest --all-reports"], 1 if size == "large" else runs, env=env)
    rows.append(table_row(f"suggest, 3 built-ins, {reports:,} reports",
                          f"{seconds:.2f} s = {reports / seconds:,.0f} reports/s", rss,
                          target="≥ 2,000 reports/s, ≤ 256 MB"))
    seconds, rss = measured([binary, project, "-c", "agreement"], runs, env=env)
    rows.append(table_row(f"agreement, 3 layers × 3 authors, {reports:,} reports", seconds, rss,
                          target="≤ 5 s, ≤ 256 MB"))
    listed = subprocess.run([binary, project, "--json", "-c", "suggest --list"], check=True, env=env,
                            capture_output=True).stdout.decode().splitlines()
    pending = json.loads(listed[-1])["total"]
    seconds, rss = measured([binary, project, "-c", "accept all"], 1, env=env)
    rows.append(table_row(f"accept all, {pending:,} suggestions",
                          f"{seconds:.2f} s = {pending / seconds:,.0f} decisions/s", rss,
                          target="≥ 20,000 decisions/s"))
    seconds, rss = measured([binary, project, "-c", "undo"], 1, env=env)
    rows.append(table_row(f"undo of accept all, {pending:,} annotations",
                          f"{seconds:.2f} s = {pending / seconds:,.0f} decisions/s", rss,
                          target="≥ 20,000 decisions/s, ≤ 256 MB"))
    return rows


def exchange_rows(binary, work, data, project, reports, annotations, runs, env, sqlite):
    """Import and the exports of everything, each beside its floor where SQLite has one; leaves the
    project as imported."""
    rows = []

    def row(*cells, **named):
        rows.append(table_row(*cells, **named))

    size_mb = data.stat().st_size / 1e6
    # Import, with the full-text index, each run followed by SQLite's schema floor for the rows it
    # wrote: the two alternate, so a neighbour's load weighs on both alike and their ratio holds.
    # Then, where a C compiler is at hand, the row-by-row floor: the same rows through the import's
    # own single-row statements. Each of the three writes 1 GB: it goes to disk before the next runs.
    row_floor = build_row_floor(work) if sqlite else None
    imports, schema_floors, row_floors, peaks = [], [], [], []
    for _ in range(runs):
        remove(project)
        os.sync()
        elapsed, rss, _ = timed([binary, project, "-c", f"import {data}"], env=env)
        imports.append(elapsed)
        peaks.append(rss)
        if sqlite:
            os.sync()
            schema_floors.append(median_of(1, lambda: sqlite_schema_floor(sqlite, project, work / "schema-floor.db")))
        if row_floor:
            os.sync()
            row_floors.append(median_of(1, lambda: sqlite_row_floor(sqlite, row_floor, project, work / "row-floor.db")))
    seconds, rss = statistics.median(imports), max(peaks)
    base = median_of(runs, lambda: baseline_import(data, work / "baseline.db"))
    floor = median_of(runs, lambda: sqlite_floor_import(sqlite, data, work / "floor.db")) if sqlite else None
    schema_floor = statistics.median(schema_floors) if schema_floors else None
    by_row = statistics.median(row_floors) if row_floors else None
    ratio = versus(seconds, base, schema_floor, "schema floor")
    if by_row:
        ratio += f" · {seconds / by_row:.2f} × row floor"
    row(f"import {reports:,} reports + {annotations:,} annotations ({size_mb:.0f} MB JSONL, FTS)", seconds, rss,
        base, floor, "≤ 1.2× SQLite's schema floor, ≤ 256 MB", ratio=ratio)
    if schema_floor:
        row("import floor: SQLite alone writing the same rows and index into Hashiya's schema", "", floor=schema_floor)
    if schema_floor and by_row:
        row("row-by-row import floor: SQLite alone writing the same rows through the import's own single-row "
            "statements", "",
            floor=by_row, ratio=f"{by_row / schema_floor:.2f} × schema floor")

    # Export: native JSONL to a file; then, beside SQLite's json_object floor, which writes to
    # /dev/null, the same export to standard output discarded: writing 850 MB to disk varied by a
    # second from run to run, which the floor never paid. Then W3C.
    out = work / "export.jsonl"
    exports, streamed, export_floors, field_floors, peaks = [], [], [], [], []
    for _ in range(runs):
        elapsed, rss, _ = timed([binary, project, "-c", f"export {out}"], env=env)
        exports.append(elapsed)
        peaks.append(rss)
    # The 850 MB just written go to disk first, so that no run below shares the machine with their
    # writeback; and the export and its floor take turns at going first, so that neither always
    # runs in the wake of the file exports (the streamed export, always first, had taken 2.05 s
    # there against 1.71-1.78 s on its own).
    os.sync()
    for turn in range(runs if sqlite else 0):
        pair = [lambda: streamed.append(timed([binary, project, "-c", "export --format jsonl -"], env=env)[0]),
                lambda: export_floors.append(median_of(1, lambda: sqlite_floor_export(sqlite, project)))]
        for measure in (pair if turn % 2 == 0 else pair[::-1]):
            measure()
        field_floors.append(median_of(1, lambda: sqlite_fields_floor_export(sqlite, project)))
    seconds, rss = statistics.median(exports), max(peaks)
    written = out.stat().st_size / 1e6
    base = median_of(runs, lambda: baseline_export(work / "baseline.db", work / "baseline-export.jsonl"))
    row(f"export native JSONL ({written:.0f} MB)", f"{seconds:.2f} s = {written / seconds:.0f} MB/s", rss, base,
        target="≤ 64 MB", ratio=versus(seconds, base, None, "floor"))
    if export_floors:
        seconds, floor = statistics.median(streamed), statistics.median(export_floors)
        row("export native JSONL to standard output, discarded, beside the floor, which writes nothing either",
            f"{seconds:.2f} s", floor=floor, target="≤ 1.5× the json_object floor",
            ratio=versus(seconds, None, floor, "floor"))
        floor = statistics.median(field_floors)
        row("export floor writing every stored field of the export, to /dev/null", "", floor=floor,
            ratio=versus(seconds, None, floor, "every-field floor"))
    w3c = work / "export.w3c.json"
    seconds, rss = measured([binary, project, "-c", f"export --format w3c {w3c}"], runs, env=env)
    written = w3c.stat().st_size / 1e6
    row(f"export W3C ({written:.0f} MB)", f"{seconds:.2f} s = {written / seconds:.0f} MB/s", rss)
    # HTML of everything: a folder with an index and a page per report, written as a stream.
    site = work / "export-html"
    seconds, rss = measured([binary, project, "-c", f"export --format html {site}/"], runs,
                            prepare=lambda: shutil.rmtree(site, ignore_errors=True), env=env)
    written = sum(page.stat().st_size for page in site.iterdir()) / 1e6
    row(f"export HTML folder ({written:.0f} MB, {reports:,} pages and an index)",
        f"{seconds:.2f} s = {written / seconds:.0f} MB/s", rss, target="streamed, ≤ 64 MB, navigable")

    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("workdir")
    parser.add_argument("--size", choices=SIZES, default="small")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=["merge", "suggest", "latency", "exchange"], help="run one scenario and update only its rows")
    args = parser.parse_args()
    reports, annotations = SIZES[args.size]
    runs = args.runs if args.size == "small" else max(1, min(args.runs, 2))
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, HASHIYA_USER="bench", NO_COLOR="1")
    sqlite = shutil.which("sqlite3")
    from merge import merge_rows  # here rather than at the top: merge.py imports this module's helpers
    if args.only == "merge":
        rows = merge_rows(args.binary, work, args.size, args.runs, env, sqlite)
        print("\n".join(table(rows)))
        update_rows(rows)
        return
    rows = []

    def row(*cells, **named):
        rows.append(table_row(*cells, **named))

    data = work / f"{args.size}.jsonl"
    if not data.exists():
        subprocess.run([sys.executable, GENERATE, "--reports", str(reports), "--annotations", str(annotations), data],
                       check=True)
    size_mb = data.stat().st_size / 1e6
    project = work / f"{args.size}.hashiya"
    print(f"data: {reports:,} reports, {annotations:,} annotations, {size_mb:.0f} MB", file=sys.stderr)
    if args.only == "exchange":
        rows = exchange_rows(args.binary, work, data, project, reports, annotations, runs, env, sqlite)
        print("\n".join(table(rows)))
        update_rows(rows)
        return
    if args.only in ("suggest", "latency"):
        remove(project)
        subprocess.run([args.binary, project, "-c", f"import {data}"], check=True, env=env, stdout=subprocess.DEVNULL)
        rows = (suggestion_rows(args.binary, project, reports, runs, args.size, env) if args.only == "suggest"
                else latency_rows(args.binary, project, reports, env))
        print("\n".join(table(rows)))
        update_rows(rows)
        return

    rows += exchange_rows(args.binary, work, data, project, reports, annotations, runs, env, sqlite)

    # Latency at the prompt, per command, inside the process, on the project as imported: before
    # suggest, accept all and its undo leave millions of rows more in it.
    rows += latency_rows(args.binary, project, reports, env)

    # Suggestions and agreement, then the bulk decisions on the list suggest kept.
    rows += suggestion_rows(args.binary, project, reports, runs, args.size, env)
    # The review target's own workload: 10,000 reports, three annotators with about 10 spans each.
    team = work / "agreement-10k.jsonl"
    if not team.exists():
        subprocess.run([sys.executable, GENERATE, "--reports", "10000", "--annotations", "300000", team], check=True)
    team_project = work / "agreement-10k.hashiya"
    remove(team_project)
    subprocess.run([args.binary, team_project, "-c", f"import {team}"], check=True, env=env, stdout=subprocess.DEVNULL)
    seconds, rss = measured([args.binary, team_project, "-c", "agreement"], max(runs, 3), env=env)
    row("agreement, 10,000 reports × 3 authors × ~10 spans (300,000 annotations)", seconds, rss, target="< 2 s")

    # Merging a teammate's edited copy (10,000 reports for large).
    rows += merge_rows(args.binary, work, args.size, args.runs, env, sqlite)

    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.processor())
    machine = f"{cpu}, {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') // 2**30} GiB"
    report = "\n".join([
        "# Performance", "",
        f"Measured on {machine}, {platform.system()} {platform.release()}, {time.strftime('%Y-%m-%d')}, with",
        f"`scripts/bench --size {args.size}` (release build, the Swift runtime linked in). Regenerate with the same command.", "",
        *NOTES, "", *table(rows), ""])
    print(report)
    # The sections after the table (the team server's, notes on earlier rounds) are other runs' to write.
    kept = []
    if DOCUMENT.exists():
        lines = DOCUMENT.read_text(encoding="utf-8").splitlines()
        kept = next((lines[i:] for i, line in enumerate(lines) if line.startswith("## ")), [])
    DOCUMENT.write_text(report + ("\n" + "\n".join(kept) + "\n" if kept else ""), encoding="utf-8")


if __name__ == "__main__":
    main()
