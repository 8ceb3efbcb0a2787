#!/usr/bin/env python3
"""Hashiya's benchmark driver: times whole commands of the release binary, side by side with a
Prodigy-style Python baseline, and prints a Markdown table (also written to docs/PERFORMANCE.md).

Usage: run.py BINARY WORKDIR [--reports N] [--latency-reports N] [--runs K]
"""
import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GENERATE = ROOT / "scripts/benchmarks/generate.py"


def timed(argv, stdin=None, env=None):
    """Runs argv once (stdout discarded); returns (seconds, peak RSS in MB, stderr bytes)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(a) for a in argv], stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if stdin is not None:
        # Feed standard input from a thread so a chatty stderr can never block the child.
        writer = threading.Thread(target=lambda: (process.stdin.write(stdin), process.stdin.close()))
        writer.start()
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if stdin is not None:
        writer.join()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"command failed: {' '.join(map(str, argv))}\n{err.decode()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024, err


def measured(argv, runs, prepare=None, stdin=None, env=None):
    """Median seconds and the largest peak RSS over `runs` runs, calling prepare() before each."""
    times, peaks = [], []
    for _ in range(runs):
        if prepare:
            prepare()
        elapsed, rss, _ = timed(argv, stdin=stdin, env=env)
        times.append(elapsed)
        peaks.append(rss)
    return statistics.median(times), max(peaks)


def remove(path):
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def baseline_import(jsonl, db_path):
    """What a Prodigy-style tool does: one JSON blob per example, plus an FTS5 index of the text."""
    remove(db_path)
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE example (id INTEGER PRIMARY KEY, input_hash TEXT, content TEXT)")
    db.execute("CREATE VIRTUAL TABLE example_fts USING fts5(text, content='')")
    with open(jsonl, encoding="utf-8") as lines, db:
        for line in lines:
            task = json.loads(line)
            cursor = db.execute(
                "INSERT INTO example (input_hash, content) VALUES (?, ?)",
                (str(hash(task["text"])), json.dumps(task, ensure_ascii=False)))
            db.execute("INSERT INTO example_fts (rowid, text) VALUES (?, ?)", (cursor.lastrowid, task["text"]))
    db.close()


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def latencies(binary, project, commands, env):
    """Per-command in-process durations (ms) reported by HASHIYA_TIMING over one batch run."""
    _, _, err = timed([binary, project], stdin="\n".join(commands).encode() + b"\n", env=env)
    values = [int(line.split("\t")[2]) / 1000 for line in err.decode().splitlines() if line.startswith("timing\t")]
    if len(values) != len(commands):
        sys.exit(f"expected {len(commands)} timings, got {len(values)}")
    return values


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("workdir")
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--latency-reports", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, HASHIYA_USER="bench", NO_COLOR="1")
    rows = []

    data = work / f"reports-{args.reports}.jsonl"
    if not data.exists():
        subprocess.run([sys.executable, GENERATE, "--reports", str(args.reports), data], check=True)
    size_mb = data.stat().st_size / 1e6
    project = work / "import.hashiya"
    seconds, rss = measured(
        [args.binary, project, "-c", f"import {data}"], args.runs, prepare=lambda: remove(project), env=env)
    base_times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        baseline_import(data, work / "baseline.db")
        base_times.append(time.perf_counter() - started)
    base = statistics.median(base_times)
    rows.append((f"import {args.reports:,} reports ({size_mb:.0f} MB JSONL, FTS)", f"{seconds:.2f} s", f"{rss:.0f} MB",
                 f"{base:.2f} s", f"{seconds / base:.2f}", "< 3 s"))

    seconds, rss = measured([args.binary, project, "-c", "suggest --all-reports"], args.runs, env=env)
    rows.append((f"suggest, 3 built-ins, {args.reports:,} reports", f"{seconds:.2f} s", f"{rss:.0f} MB", "", "",
                 "< 10 s"))

    started_runs = []
    for _ in range(20):
        elapsed, _, _ = timed([args.binary, project, "-c", "whoami"], env=env)
        started_runs.append(elapsed * 1000)
    rows.append(("process start → first command done (whoami)", f"{statistics.median(started_runs):.1f} ms", "", "", "",
                 "< 50 ms"))

    big_data = work / f"reports-{args.latency_reports}.jsonl"
    big = work / f"latency-{args.latency_reports}.hashiya"
    if not Path(str(big)).exists():
        if not big_data.exists():
            subprocess.run([sys.executable, GENERATE, "--reports", str(args.latency_reports), big_data], check=True)
        elapsed, rss, _ = timed([args.binary, big, "-c", f"import {big_data}"], env=env)
        rows.append((f"import {args.latency_reports:,} reports (latency project)", f"{elapsed:.1f} s", f"{rss:.0f} MB",
                     "", "", ""))
    import random
    rng = random.Random(3)
    timing_env = dict(env, HASHIYA_TIMING="1")
    shows = latencies(args.binary, big, [f"show {rng.randint(1, args.latency_reports)}" for _ in range(1000)],
                      timing_env)
    rows.append(("show (1,000 random reports)", f"p50 {percentile(shows, 50):.2f} ms", "", "", "",
                 f"p99 {percentile(shows, 99):.2f} ms (< 5 ms)"))
    # Selective: each report ends with a reference number of its own.
    words = ["كويثي", "الخلايا", "البشمركة", "رميلان", "الاعتقال"]
    rare = [f"search R{rng.randint(0, args.latency_reports - 1):06d}" for _ in range(500)]
    selective = latencies(args.binary, big, rare, timing_env)
    rows.append(("search, selective (500 queries)", f"p50 {percentile(selective, 50):.2f} ms", "", "", "",
                 f"p99 {percentile(selective, 99):.2f} ms (< 5 ms)"))
    common = latencies(args.binary, big, [f"search {rng.choice(words)}" for _ in range(100)], timing_env)
    rows.append(("search, common word (100 queries)", f"p50 {percentile(common, 50):.1f} ms", "", "", "",
                 f"p99 {percentile(common, 99):.1f} ms"))

    header = "| scenario | Hashiya | peak RSS | Python baseline | ratio (Hashiya / baseline) | target / p99 |"
    table = [header, "|---|---|---|---|---|---|"] + ["| " + " | ".join(row) + " |" for row in rows]
    machine = f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"
    command = "scripts/bench " + " ".join(sys.argv[3:])
    report = "\n".join([
        "# Performance", "",
        f"Measured on {machine}, {time.strftime('%Y-%m-%d')}, with `{command.strip()}` (release build).",
        "Times are medians of whole commands; latencies are measured inside the process per command",
        "(`HASHIYA_TIMING=1`). The baseline stores each report as a JSON blob with an FTS5 index, as a",
        "Prodigy-style tool does, in Python's sqlite3 — run in the same invocation.", "", *table, ""])
    print(report)
    (ROOT / "docs/PERFORMANCE.md").write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
