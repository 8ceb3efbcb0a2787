#!/usr/bin/env python3
"""Hashiya on a team server: import into PostgreSQL beside psql's COPY floor, and annotator
sessions at the same time as an import, on the server and on one shared project file.

Usage: server.py BINARY WORKDIR [--size small|large] [--runs K] [--sessions N] [--seconds S] [--think MS]

Starts a throwaway PostgreSQL cluster of its own (initdb and pg_ctl, run as the postgres user when
run as root) on a Unix socket in a temporary folder, with the server's default settings (fsync on),
and stops it at the end. small: 1,000 reports and 10 s of sessions; large: 100,000 reports and 60 s.
Prints a Markdown table and writes it to the "Team server" section of docs/PERFORMANCE.md.
"""
import argparse
import atexit
import json
import os
import queue
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import DOCUMENT, GENERATE, percentile, remove, timed  # noqa: E402

SIZES = {"small": (1_000, 10), "large": (100_000, 60)}
SECTION = "## Team server, --size {size}"
HEADER = "| scenario | Hashiya | floor | Hashiya / floor | target |"
PORT = 5432
MIX = "show, find, tag, edit, edit, undo, ls"


class Cluster:
    """A throwaway PostgreSQL cluster on a Unix socket, stopped and removed at exit."""

    def __init__(self):
        root = Path("/usr/lib/postgresql")
        versions = sorted((int(p.name) for p in root.iterdir() if p.name.isdigit()), reverse=True) if root.exists() else []
        preferred = [15] + versions
        self.bin = next((root / str(v) / "bin" for v in preferred if (root / str(v) / "bin" / "pg_ctl").exists()), None)
        if self.bin is None:
            sys.exit("PostgreSQL is not installed (apt-get install -y postgresql)")
        self.version = self.bin.parent.name
        self.folder = Path(tempfile.mkdtemp(prefix="hashiya-bench-pg-"))
        self.socket = self.folder / "socket"
        self.data = self.folder / "data"
        self.socket.mkdir()
        os.chmod(self.folder, 0o755)
        if os.getuid() == 0:
            subprocess.run(["chown", "-R", "postgres:postgres", self.folder], check=True)
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        subprocess.run(self.as_postgres + [self.bin / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres",
                                           "--encoding=UTF8", "--locale=C.UTF-8"],
                       check=True, stdout=subprocess.DEVNULL)
        atexit.register(self.stop)
        options = f"-k '{self.socket}' -p {PORT} -c listen_addresses='' -c max_connections=100"
        subprocess.run(self.as_postgres + [self.bin / "pg_ctl", "-D", self.data, "-l", self.folder / "server.log",
                                           "-w", "-o", options, "start"], check=True, stdout=subprocess.DEVNULL)

    def stop(self):
        subprocess.run(self.as_postgres + [self.bin / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database, user="postgres"):
        return f"postgresql:///{database}?host={quote(str(self.socket), safe='')}&port={PORT}&user={user}"

    def psql(self, database, *arguments, stdin=None):
        """Runs psql as postgres on `database`, stopping at the first error; returns its output."""
        command = [self.bin / "psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", self.socket, "-p",
                   str(PORT), "-U", "postgres", "-d", database, *arguments]
        done = subprocess.run([str(c) for c in command], input=stdin, check=True, capture_output=True)
        return done.stdout.decode()

    def createdb(self, name):
        self.psql("postgres", "-c", f"DROP DATABASE IF EXISTS {name}")
        self.psql("postgres", "-c", f"CREATE DATABASE {name}")


def hashiya_init(binary, cluster, database, env):
    cluster.createdb(database)
    subprocess.run([binary, "init", cluster.url(database)], check=True, env=env, stdout=subprocess.DEVNULL)


REPORT_TABLES = ["reports", "reports_fts", "reportTokens"]
ANNOTATED_TABLES = REPORT_TABLES + ["plugins", "annotations", "events"]


def server_import(binary, cluster, data, work, runs, env, tables=REPORT_TABLES, name="import"):
    """Median seconds of `hashiya URL -c "import FILE"`, each run followed by its psql floor: `\\copy` of
    the rows that import wrote to `tables` (for reports: reports, reports_fts with its tsvector,
    reportTokens) into a fresh database of the same schema, in one transaction, as one psql process."""
    imports, floors, peaks = [], [], []
    for run in range(runs):
        database = f"bench_{name}_{run}"
        hashiya_init(binary, cluster, database, env)
        elapsed, rss, _ = timed([binary, cluster.url(database), "-c", f"import {data}"], env=env)
        imports.append(elapsed)
        peaks.append(rss)
        for table in tables:
            cluster.psql(database, "-c", f"\\copy {table} TO '{work / (table + '.copy')}'")
        floor_database = f"bench_{name}_floor_{run}"
        hashiya_init(binary, cluster, floor_database, env)
        script = "BEGIN;\n" + "".join(f"\\copy {t} FROM '{work / (t + '.copy')}'\n" for t in tables) + "COMMIT;\n"
        started = time.perf_counter()
        cluster.psql(floor_database, stdin=script.encode())
        floors.append(time.perf_counter() - started)
        count = int(cluster.psql(database, "-c", "SELECT count(*) FROM reports").strip())
        # Only the last run's database is kept (for its counts): a large run's copies fill a disk.
        cluster.psql("postgres", "-c", f"DROP DATABASE {floor_database}")
        if run < runs - 1:
            cluster.psql("postgres", "-c", f"DROP DATABASE {database}")
    return statistics.median(imports), max(peaks), statistics.median(floors), count, database


class Session:
    """One annotator at the prompt: a long-lived `hashiya` process reading commands from a pipe.

    A command's round trip runs from writing its line to reading the `timing` line the process
    writes after the command's output (HASHIYA_TIMING=1); anything else on standard error in
    between is that command's error."""

    def __init__(self, argv, env, name, reports, deadline, rng, think):
        self.name, self.reports, self.deadline, self.rng, self.think = name, reports, deadline, rng, think
        self.process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        env=dict(env, HASHIYA_TIMING="1"))
        self.errors_seen = queue.Queue()
        self.stdout_lines = queue.Queue()
        self.stderr_lines = queue.Queue()
        for stream, sink in ((self.process.stdout, self.stdout_lines), (self.process.stderr, self.stderr_lines)):
            threading.Thread(target=self.pump, args=(stream, sink), daemon=True).start()
        self.latencies, self.errors, self.expected, self.by_command = [], [], {}, {}

    @staticmethod
    def pump(stream, sink):
        for line in iter(stream.readline, b""):
            sink.put(line.decode("utf-8", "replace").rstrip("\n"))
        sink.put(None)

    def succeeded(self, line):
        """Runs one command; whether it reported no error."""
        before = len(self.errors)
        self.command(line)
        return len(self.errors) == before

    def command(self, line, wanted=False):
        """Runs one command after the session's pause; returns its JSON outputs, waiting for one when `wanted`."""
        if self.think:
            # A person reads and decides between commands; the pauses are random so sessions do not fall in step.
            time.sleep(self.rng.expovariate(1000 / self.think))
        started = time.perf_counter()
        self.process.stdin.write(line.encode() + b"\n")
        self.process.stdin.flush()
        while True:
            err = self.stderr_lines.get(timeout=120)
            if err is None:
                raise RuntimeError(f"{self.name}: the session ended during {line!r}")
            if err.startswith("timing\t"):
                break
            if err.strip():
                self.errors.append(f"{line}: {err}")
        self.latencies.append((time.perf_counter() - started) * 1000)
        self.by_command.setdefault(line.split()[0], []).append(self.latencies[-1])
        # The output is written before the timing line; its pipe may just be read a moment later.
        outputs = []
        while True:
            try:
                text = self.stdout_lines.get(timeout=1 if wanted and not outputs else 0)
            except queue.Empty:
                return outputs
            if text and text[0] in "[{":
                try:
                    outputs.append(json.loads(text))
                except json.JSONDecodeError:
                    pass

    def run(self):
        """The mix, round after round until the deadline: read a report, find in it, tag a span, change
        the tag twice, undo the second change, list the report's annotations."""
        round_number = 0
        while time.monotonic() < self.deadline:
            round_number += 1
            report = self.rng.choice(self.reports)
            self.command(f"show {report}")
            self.command('find "رقم المرجع"')
            outputs = self.command('tag speaker-tagging speaker "رقم المرجع"', wanted=True)
            tagged = [a for o in outputs if isinstance(o, list) for a in o if isinstance(a, dict)]
            handle = next((a["handle"] for a in tagged if isinstance(a.get("handle"), int)), None)
            if handle is None:
                continue
            # What the annotation must hold is what the commands that succeeded made of it: its
            # roles after the tag (none) and each edit, the last dropped by each undo.
            roles = [None]
            for role in (f"r{round_number}", f"x{round_number}"):
                if self.succeeded(f"edit #{handle} role={role}"):
                    roles.append(role)
            if self.succeeded("undo"):
                roles.pop()
            self.expected[handle] = roles[-1] if roles else "deleted"
            self.command("ls")
        self.process.stdin.close()
        self.process.wait(timeout=120)


def sessions(argv_for, env_for, count, reports, seconds, think, background):
    """Runs `count` sessions for `seconds`, pausing `think` ms on average before each command, while
    `background()` runs; returns the sessions and the background's result."""
    deadline = time.monotonic() + seconds
    people = [Session(argv_for(i), env_for(i), f"s{i:02d}", reports, deadline, random.Random(i), think)
              for i in range(count)]
    threads = [threading.Thread(target=p.run) for p in people]
    result = {}
    side = threading.Thread(target=lambda: result.update(background()))
    side.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    side.join()
    return people, result


def latency_rows(label, people, lost, extra, targeted):
    values = [v for p in people for v in p.latencies]
    errors = [e for p in people for e in p.errors]
    if errors:
        print(f"{label}: {len(errors)} errors, first: {errors[0]}", file=sys.stderr)
    tags = sum(len(p.expected) for p in people)
    names = sorted({name for p in people for name in p.by_command})
    each = {name: [v for p in people for v in p.by_command.get(name, [])] for name in names}
    breakdown = ", ".join(f"{name} {percentile(each[name], 50):.1f}/{percentile(each[name], 99):.1f}" for name in names)
    failed = {}
    for error in errors:
        failed[error.split()[0]] = failed.get(error.split()[0], 0) + 1
    failing = f" ({', '.join(f'{name} {n}' for name, n in sorted(failed.items()))})" if failed else ""
    return [
        (f"{label}: {len(people)} sessions, {len(values):,} commands ({MIX}){extra}",
         f"p50 {percentile(values, 50):.2f} ms", "", "", f"p99 {percentile(values, 99):.2f} ms" + (" (p99 ≤ 20 ms)" if targeted else " (for comparison)")),
        (f"{label}: p50/p99 ms by command", breakdown, "", "", ""),
        (f"{label}: errors · lost updates of {tags:,} tagged and edited annotations",
         f"{len(errors)}{failing} · {lost}", "", "", "0 · 0"),
    ]


def holds(status, attributes, expected):
    """Whether an annotation's status and attributes are what its session's commands left."""
    if expected == "deleted":
        return status == "deleted"
    return status == "active" and json.loads(attributes).get("role") == expected


def lost(people, rows_of):
    """Annotations not as their session left them; `rows_of(name)` gives (id, status, attributes) rows."""
    count = 0
    for person in people:
        found = {int(row[0]): row[1:] for row in rows_of(person.name)}
        count += sum(1 for handle, expected in person.expected.items()
                     if handle not in found or not holds(*found[handle], expected))
    return count


def lost_on_server(cluster, database, people):
    def rows_of(name):
        text = cluster.psql(database, "-F", "\t", "-c",
                            f"SELECT id, status, attributes FROM annotations WHERE author = '{name}'")
        return [line.split("\t") for line in text.splitlines() if line]
    return lost(people, rows_of)


def lost_in_file(project, people):
    import sqlite3
    db = sqlite3.connect(project)
    count = lost(people, lambda name: db.execute(
        "SELECT id, status, attributes FROM annotations WHERE author = ?", (name,)).fetchall())
    db.close()
    return count


def imports_until(argv_for_part, parts, deadline, env):
    """Imports the parts one after another until they are done or the sessions' time is up."""
    done, started = 0, time.perf_counter()
    for part in parts:
        if time.monotonic() >= deadline:
            break
        finished = subprocess.run(argv_for_part(part), env=env, capture_output=True)
        if finished.returncode != 0:
            print(f"an import during the sessions failed: {finished.stderr.decode()[-1000:]}", file=sys.stderr)
            return {"parts": done, "failed": True}
        done += 1
    return {"parts": done, "seconds": time.perf_counter() - started}


def split(data, parts, work, tag):
    """`data` in `parts` files, its reports given ids of their own starting with `tag` (the generator numbers
    from 0 each time), so each run's import adds new reports."""
    lines = []
    for line in data.read_text(encoding="utf-8").splitlines():
        report = json.loads(line)
        report["id"] = f"{tag}-" + report["id"]
        # A new text too: a report is recognised by its text as well as its id.
        report["text"] = f"{tag} " + report["text"]
        lines.append(json.dumps(report, ensure_ascii=False) + "\n")
    size = max(1, len(lines) // parts)
    files = []
    for index in range(0, len(lines), size):
        path = work / f"concurrent-{tag}-{index // size:02d}.jsonl"
        path.write_text("".join(lines[index:index + size]), encoding="utf-8")
        files.append(path)
    return files


def update_document(rows, command, note_lines, size):
    """Replaces the "Team server" section of `size` in docs/PERFORMANCE.md (or appends it); the rest stays."""
    heading = SECTION.format(size=size)
    text = DOCUMENT.read_text(encoding="utf-8")
    start = text.find(heading + "\n")
    before = text if start < 0 else text[:start]
    after = ""
    if start >= 0:
        following = text.find("\n## ", start + len(heading))
        after = text[following + 1:] if following >= 0 else ""
    table = [HEADER, "|---|---|---|---|---|"] + ["| " + " | ".join(r) + " |" for r in rows]
    section = "\n".join([heading, "", *note_lines, "", f"Produced by `{command}`.", "", *table, ""])
    DOCUMENT.write_text(before.rstrip("\n") + "\n\n" + section + ("\n" + after if after else ""), encoding="utf-8")
    return section


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("binary", "workdir"):
        parser.add_argument(name)
    parser.add_argument("--size", choices=SIZES, default="small", help="small: 1,000 reports, 10 s; large: 100,000, 60 s")
    parser.add_argument("--runs", type=int, default=3,
                        help="import runs, each followed by its floor; the medians are reported (default 3)")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=int)
    parser.add_argument("--think", type=int, default=1000,
                        help="mean pause in ms before each command of a session (default 1000); a second run"
                             " has none, as a stress run")
    args = parser.parse_args()
    reports, seconds = SIZES[args.size]
    seconds = args.seconds or seconds
    runs = args.runs
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    # The copy files psql reads and writes go through the server's user when run as root.
    os.chmod(work, 0o777)
    binary = str(Path(args.binary).resolve())
    env = dict(os.environ, NO_COLOR="1")
    env.pop("HASHIYA_DATABASE_URL", None)
    data = work / f"server-{args.size}.jsonl"
    if not data.exists():
        subprocess.run([sys.executable, GENERATE, "--reports", str(reports), data], check=True)
    extra = work / f"server-{args.size}-concurrent.jsonl"
    if not extra.exists():
        subprocess.run([sys.executable, GENERATE, "--reports", str(reports), "--seed", "8", extra], check=True)
    size_mb = data.stat().st_size / 1e6
    cluster = Cluster()
    print(f"PostgreSQL {cluster.version} on {cluster.socket}; {reports:,} reports, {size_mb:.1f} MB", file=sys.stderr)
    rows = []

    seconds_import, rss, floor, count, _ = server_import(binary, cluster, data, work, runs, env)
    if count != reports:
        sys.exit(f"the import wrote {count} reports, not {reports}")
    rows.append((f"import {reports:,} reports ({size_mb:.0f} MB JSONL) into the server, with the search index",
                 f"{seconds_import:.2f} s ({rss:.0f} MB)", f"{floor:.2f} s", f"{seconds_import / floor:.2f}",
                 "≤ 1.5× the COPY floor"))
    annotated = work / f"server-{args.size}-annotated.jsonl"
    if not annotated.exists():
        subprocess.run([sys.executable, GENERATE, "--reports", str(reports), "--annotations", str(reports * 10),
                        "--seed", "9", annotated], check=True)
    seconds_import, rss, floor, count, kept = server_import(binary, cluster, annotated, work, runs, env,
                                                            tables=ANNOTATED_TABLES, name="annotated")
    annotations = int(cluster.psql(kept, "-c", "SELECT count(*) FROM annotations").strip())
    if count != reports or annotations != reports * 10:
        sys.exit(f"the annotated import wrote {count} reports and {annotations} annotations")
    rows.append((f"import {reports:,} reports with {annotations:,} annotations ({annotated.stat().st_size / 1e6:.0f} MB"
                 " native export) into the server", f"{seconds_import:.2f} s ({rss:.0f} MB)", f"{floor:.2f} s",
                 f"{seconds_import / floor:.2f}", "≤ 1.5× the COPY floor"))

    # Sessions on the server while an import of as many new reports runs.
    database = "bench_sessions"
    hashiya_init(binary, cluster, database, env)
    subprocess.run([binary, cluster.url(database), "-c", f"import {data}"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    # Each session's login joins the team as a lead adds an annotator.
    for i in range(args.sessions):
        cluster.psql(database, "-c", f"DROP ROLE IF EXISTS s{i:02d}")
        cluster.psql(database, "-c", f"CREATE ROLE s{i:02d} LOGIN")
    members = "; ".join(f"team add s{i:02d} annotator" for i in range(args.sessions))
    subprocess.run([binary, cluster.url(database), "-c", members], check=True, env=env, stdout=subprocess.DEVNULL)
    ids = list(range(1, reports + 1))

    # The same on one shared project file.
    project = work / "sessions.hashiya"
    remove(project)
    lead = dict(env, HASHIYA_USER="lead")
    subprocess.run([binary, project, "-c", f"import {data}"], check=True, env=lead, stdout=subprocess.DEVNULL)
    subprocess.run([binary, project, "-c", members], check=True, env=lead, stdout=subprocess.DEVNULL)

    for think in (args.think, 0):
        pace = f"a pause of {think:,} ms on average before each command" if think else "no pause between commands"
        for label, argv_for, env_for, import_argv, import_env, count_lost in (
            ("server", lambda i: [binary, cluster.url(database, f"s{i:02d}"), "--json"], lambda i: env,
             lambda p: [binary, cluster.url(database), "-c", f"import {p}"], env,
             lambda people: lost_on_server(cluster, database, people)),
            ("one project file", lambda i: [binary, project, "--json"], lambda i: dict(env, HASHIYA_USER=f"s{i:02d}"),
             lambda p: [binary, project, "-c", f"import {p}"], lead, lambda people: lost_in_file(project, people)),
        ):
            parts = split(extra, 10, work, f"{label.split()[-1]}-{think}")
            deadline = time.monotonic() + seconds
            people, side = sessions(argv_for, env_for, args.sessions, ids, seconds, think,
                                    lambda: imports_until(import_argv, parts, deadline, import_env))
            rows += latency_rows(label, people, count_lost(people),
                                 f", {pace}, {seconds} s, while {side['parts']} imports of {reports // 10:,} reports"
                                 " ran", think > 0)
        if think:
            # The server with nothing beside the sessions: what the import's writes cost them.
            deadline = time.monotonic() + seconds
            people, _ = sessions(lambda i: [binary, cluster.url(database, f"s{i:02d}"), "--json"], lambda i: env,
                                 args.sessions, ids, seconds, think, lambda: {"parts": 0})
            rows += latency_rows("server", people, lost_on_server(cluster, database, people),
                                 f", {pace}, {seconds} s, with no import beside", False)

    notes = [
        f"PostgreSQL {cluster.version}, a cluster the script starts on a Unix socket with the default settings"
        " (fsync on, synchronous commit on); Hashiya's release build on the same machine.",
        "- The **COPY floor** is psql `\\copy` of the rows Hashiya's import wrote (`reports`, `reports_fts` with"
        " its tsvector already computed, `reportTokens`) into a fresh database of Hashiya's schema, in one"
        " transaction: what the server itself needs to store those rows and maintain their indexes (the GIN"
        " search index included), before any parsing, hashing, folding or building of search vectors. Both"
        f" times include the process start; each of the {runs} import runs is followed by its floor, and the"
        " medians are shown. For the annotated import"
        " the floor's rows are also the layers, annotations and events it wrote.",
        f"- Sessions: each is one long-lived `hashiya URL --json` process (an annotator role of its own) reading"
        f" commands from a pipe, running rounds of {MIX} on random reports; a command's latency runs from"
        " writing its line to reading the timing line the process writes after the command's output, so"
        " connection set-up is not in it. Before each command a session pauses for a random time (exponential,"
        f" mean {args.think:,} ms), as a person reads and decides; the second run of each store has no pauses,"
        " a stress run of 20 sessions as fast as the machine answers, which has no target. Meanwhile new"
        " reports are imported part by part, back to back; one more server run has no import beside it.",
        "- Errors are commands that reported one. Lost updates: every annotation a session tagged, then edited"
        " twice and undid once, must hold what that session's commands that succeeded left (the first edit's"
        " value when all succeeded); counted from the database after the sessions end.",
    ]
    command = f"scripts/bench --server --size {args.size}"
    print(update_document(rows, command, notes, args.size))


if __name__ == "__main__":
    main()
