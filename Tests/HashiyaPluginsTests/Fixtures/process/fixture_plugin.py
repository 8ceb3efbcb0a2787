#!/usr/bin/env python3
"""A test plugin that behaves well until a report contains "!misbehave", then fails as argv[1] says.

Each fixture folder runs it with its own mode; the id and version come from the folder's
plugin.json so the describe handshake matches. Modes:
  good            never misbehaves
  crash           writes to stderr and exits with status 3
  hang            stops answering
  garbage         prints a line that is not JSON
  out-of-range    returns an end offset past the end of the text
  surrogate       declares utf16 and returns an offset inside a surrogate pair
  wrong-request   answers with the wrong request number
  error           answers with an error message
  wrong-id        announces another id in describe (fails before any suggestion)
  wrong-protocol  announces protocol 2 in describe
"""

import json
import os
import sys
import time

MODE = sys.argv[1]
with open("plugin.json", encoding="utf-8") as manifest:
    MANIFEST = json.load(manifest)


def send(message):
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def describe():
    message = {"type": "describe", "id": MANIFEST["id"], "name": "fixture", "version": MANIFEST["version"],
               "protocol": 1, "offsetUnit": "utf16" if MODE == "surrogate" else "codepoint"}
    if MODE == "wrong-id":
        message["id"] = "someone-else"
    if MODE == "wrong-protocol":
        message["protocol"] = 2
    send(message)


def first_word(report):
    """A suggestion over the first word, carrying this process's pid so tests can see restarts."""
    text = report["text"]
    end = text.find(" ")
    end = len(text) if end < 0 else end
    return {"label": "mark", "start": 0, "end": end, "attributes": {"pid": os.getpid()},
            "score": 0.5, "explanation": f"first word, pid {os.getpid()}"}


def suggest(message):
    reports = message["reports"]
    request = message["request"]
    if any("!misbehave" in report["text"] for report in reports):
        if MODE == "crash":
            sys.stderr.write("fixture: simulated failure while reading the report\n")
            sys.stderr.flush()
            sys.exit(3)
        if MODE == "hang":
            while True:
                time.sleep(60)
        if MODE == "garbage":
            sys.stdout.write("this is not JSON\n")
            sys.stdout.flush()
            return
        if MODE == "wrong-request":
            send({"type": "suggestions", "request": request + 1, "results": []})
            return
        if MODE == "error":
            send({"type": "error", "request": request, "message": "cannot handle this report"})
            return
        if MODE == "out-of-range":
            # Only the reports that ask for it get the faulty suggestion; the others are answered well.
            send({"type": "suggestions", "request": request, "results": [
                {"report": report["id"], "suggestions": [
                    {"label": "mark", "start": 0, "end": len(report["text"]) + 5}
                    if "!misbehave" in report["text"] else first_word(report)]}
                for report in reports]})
            return
        if MODE == "surrogate":
            report = reports[0]
            emoji = next(i for i, ch in enumerate(report["text"]) if ord(ch) > 0xFFFF)
            units = len(report["text"][:emoji].encode("utf-16-le")) // 2
            send({"type": "suggestions", "request": request, "results": [
                {"report": report["id"], "suggestions": [
                    {"label": "mark", "start": units + 1, "end": units + 3}]}]})
            return
    send({"type": "suggestions", "request": request,
          "results": [{"report": report["id"], "suggestions": [first_word(report)]} for report in reports]})


for line in sys.stdin:
    if not line.strip():
        continue
    message = json.loads(line)
    if message["type"] == "describe":
        describe()
    elif message["type"] == "suggest":
        suggest(message)
    elif message["type"] == "shutdown":
        break
