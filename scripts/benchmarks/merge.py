"""The merge scenario: two copies of one project, 10 % of the annotations edited on each side by a
different user, then `merge` of one into the other, timed beside SQLite's own floor.

small: 1,000 reports and 10,000 annotations; large: 10,000 reports and 100,000 annotations, and a
second row merging a full copy of 100,000 reports and 1,000,000 annotations, where the target is
memory: a merge reads the other file a report at a time, so its peak stays flat as projects grow.
A fifth of each side's edits fall on annotations the other side edits too: half of those change
the same attribute to different values (conflicts), the rest different attributes, or the label on
one side and an attribute on the other. Every edit goes through the binary in batch, so both event
logs are real. Preparation is not timed; each timed merge gets a fresh copy of ours.
"""
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from run import GENERATE, measured, remove, table_row

SIZES = {"small": (1_000, 10_000), "large": (10_000, 100_000)}
TARGET = "≤ 5 s, ≤ 128 MB"
# The full copy merged at --size large besides the 10,000-report row.
FULL_COPY = "full"
FULL_SIZE = (100_000, 1_000_000)
FULL_TARGET = "≤ 128 MB"
OURS, THEIRS = "amal", "karim"

# Per label, the attributes an edit may change (from the layer schemas in plugins/), each with the
# value ours and theirs give it; None means a text value naming the user and the annotation.
ATTRIBUTES = {
    "claim": [("verdict", ("false", "misleading")), ("evidence", None), ("checkworthiness", ("4", "2"))],
    "speaker": [("role", None), ("affiliation", None), ("name", None)],
    "note": [("translation", None), ("kind", ("context", "transliteration")), ("lang", ("fr", "de"))],
}
# The label of the same layer each label may be changed to (translation-notes has only one).
RELABELS = {"claim": "claimant", "speaker": "quote"}


def project_copy(binary, source, destination, env):
    """Copies a closed project into a new whole file: a plain copy, or `save --copy` while it has a -wal."""
    remove(destination)
    if Path(f"{source}-wal").exists():
        subprocess.run([binary, source, "-c", f"save --copy {destination}"], check=True, env=env,
                       stdout=subprocess.DEVNULL)
    else:
        shutil.copyfile(source, destination)


def labels_by_handle(project):
    """Each active annotation's handle and label, read from the closed project file."""
    db = sqlite3.connect(f"file:{project}?immutable=1", uri=True)
    try:
        return dict(db.execute("SELECT id, label FROM annotations WHERE status = 'active' ORDER BY id"))
    finally:
        db.close()


def edit(handle, label, attribute, user):
    """The `edit` command giving one attribute of #handle the value `user` gives it."""
    name, values = ATTRIBUTES[label][attribute % len(ATTRIBUTES[label])]
    value = f"{user}-{handle}" if values is None else values[0 if user == OURS else 1]
    return (handle, f"edit #{handle} {name}={value}")


def plan_edits(labels, seed=11):
    """Edit commands for ours and theirs, 10 % of the annotations each, and counts of the overlap kinds."""
    rng = random.Random(seed)
    count = len(labels) // 10
    both = count // 5
    chosen = rng.sample(sorted(labels), 2 * count - both)
    shared, ours_only, theirs_only = chosen[:both], chosen[both:count], chosen[count:]
    ours, theirs = [], []
    kinds = {"same attribute": 0, "different attributes": 0, "label against attribute": 0}
    for n, handle in enumerate(shared):
        label = labels[handle]
        if n % 4 < 2:
            kinds["same attribute"] += 1
            ours.append(edit(handle, label, 0, OURS))
            theirs.append(edit(handle, label, 0, THEIRS))
        elif n % 4 == 2 or label not in RELABELS:
            kinds["different attributes"] += 1
            ours.append(edit(handle, label, 0, OURS))
            theirs.append(edit(handle, label, 1, THEIRS))
        else:
            kinds["label against attribute"] += 1
            ours.append((handle, f"relabel #{handle} {RELABELS[label]}"))
            theirs.append(edit(handle, label, 0, THEIRS))
    for side, user, handles in ((ours, OURS, ours_only), (theirs, THEIRS, theirs_only)):
        for n, handle in enumerate(handles):
            label = labels[handle]
            if n % 10 == 0 and label in RELABELS:
                side.append((handle, f"relabel #{handle} {RELABELS[label]}"))
            else:
                side.append(edit(handle, label, n, user))
    return [command for _, command in sorted(ours)], [command for _, command in sorted(theirs)], kinds


def run_edits(binary, work, project, user, commands, env):
    """Runs the commands on the project as the user, one batch process reading them on standard input."""
    script = work / f"{Path(project).stem}.commands"
    script.write_text("\n".join(commands) + "\n", encoding="utf-8")
    with open(script, "rb") as stdin:
        process = subprocess.run([binary, project, "--user", user], stdin=stdin, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, env=env)
    if process.returncode != 0:
        sys.exit(f"editing {project} as {user} failed ({process.returncode}):\n{process.stderr.decode()[-2000:]}")


def scale(size):
    """Reports and annotations of a size name: one of SIZES, or the full copy."""
    return FULL_SIZE if size == FULL_COPY else SIZES[size]


def prepare(binary, work, size, env):
    """Builds base, ours and theirs for the size: generated, imported, copied and edited on each side."""
    reports, annotations = scale(size)
    data = work / f"merge-{size}.jsonl"
    if not data.exists():
        subprocess.run([sys.executable, GENERATE, "--reports", str(reports), "--annotations", str(annotations), data],
                       check=True)
    base, ours, theirs = (work / f"merge-{size}-{name}.hashiya" for name in ("base", "ours", "theirs"))
    started = time.perf_counter()
    remove(base)
    subprocess.run([binary, base, "-c", f"import {data}"], check=True, env=env, stdout=subprocess.DEVNULL)
    # The importer leads the team; the two editors join it as leads, who may change anyone's annotations.
    subprocess.run([binary, base, "-c", f"team add {OURS} lead; team add {THEIRS} lead"], check=True,
                   env=env, stdout=subprocess.DEVNULL)
    imported = time.perf_counter()
    project_copy(binary, base, ours, env)
    project_copy(binary, base, theirs, env)
    ours_commands, theirs_commands, kinds = plan_edits(labels_by_handle(base))
    # One side after the other, so that on every annotation both edited, theirs is the later edit.
    run_edits(binary, work, ours, OURS, ours_commands, env)
    run_edits(binary, work, theirs, THEIRS, theirs_commands, env)
    done = time.perf_counter()
    overlap = ", ".join(f"{n:,} {kind}" for kind, n in kinds.items())
    print(f"merge: {reports:,} reports, {annotations:,} annotations; {len(ours_commands):,} edits by {OURS}, "
          f"{len(theirs_commands):,} by {THEIRS}, {sum(kinds.values()):,} on both sides ({overlap}); prepared in "
          f"{done - started:.1f} s (import {imported - started:.1f} s, copies and edits {done - imported:.1f} s)",
          file=sys.stderr)
    return ours, theirs


def sqlite_merge_floor(theirs):
    """The least work a merge must do, as one SQL script: theirs' annotations replace ours, its new events append."""
    columns = "uuid, at, author, action, entity, entityId, reportId, before, after, reverts, batch"
    return f"""
ATTACH '{theirs}' AS theirs;
BEGIN;
INSERT OR REPLACE INTO annotations SELECT * FROM theirs.annotations;
INSERT OR IGNORE INTO events ({columns}) SELECT {columns} FROM theirs.events ORDER BY id;
COMMIT;
"""


def merge_rows(binary, work, size, runs, env, sqlite):
    """The merge rows of a size: at large, the 10,000-report row and the full copy's."""
    rows = [merge_row(binary, work, size, runs, env, sqlite)]
    if size == "large":
        rows.append(merge_row(binary, work, FULL_COPY, 1, env, sqlite))
    return rows


def merge_row(binary, work, size, runs, env, sqlite):
    """Prepares the scenario, times `merge` and the SQLite floor, and returns the table row."""
    reports, annotations = scale(size)
    ours, theirs = prepare(binary, work, size, env)
    merged, floor_copy, output = work / "merge-result.hashiya", work / "merge-floor.hashiya", work / "merge.out"
    with open(output, "wb") as out:
        seconds, rss = measured([binary, merged, "--user", OURS, "-c", f"merge {theirs}"], runs,
                                prepare=lambda: project_copy(binary, ours, merged, env), env=env, stdout=out)
    lines = output.read_text(encoding="utf-8").splitlines()
    summary = next((line for line in reversed(lines) if line.startswith("merged")), lines[-1] if lines else "")
    notes = sum(line.startswith("note:") for line in lines) // runs
    print(f"merge: {summary} ({notes:,} notes)", file=sys.stderr)
    floor = ratio = None
    if sqlite:
        floor, _ = measured([sqlite, floor_copy, sqlite_merge_floor(theirs)], runs,
                            prepare=lambda: project_copy(binary, ours, floor_copy, env))
        ratio = f"{seconds / floor:.1f} × floor"
    if size == FULL_COPY:
        return table_row(f"merge a full copy, {reports:,} reports / {annotations:,} annotations, 10 % edited on "
                         "each side", seconds, rss, floor=floor, target=FULL_TARGET, ratio=ratio)
    return table_row(f"merge a copy, {reports:,} reports / {annotations:,} annotations, 10 % edited on each side",
                     seconds, rss, floor=floor, target=TARGET, ratio=ratio)
