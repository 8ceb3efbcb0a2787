import AnnotatorKit
import Foundation

/// What spaCy needs from a Prodigy task, checked on its JSON: tokens and `ws` rebuild `text`,
/// and each span's `token_start`/`token_end` cover exactly its offsets.
public enum ProdigyTaskCheck {
  /// The problems found in `task`, empty when spaCy can take it as it is.
  public static func problems(in task: JSONValue) -> [String] {
    guard let text = task["text"]?.stringValue, let tokens = task["tokens"]?.arrayValue else {
      return ["no text or tokens"]
    }
    let scalars = Array(text.unicodeScalars)
    var problems: [String] = []
    var rebuilt = ""
    var offset = 0
    for (index, token) in tokens.enumerated() {
      guard let start = token["start"]?.intValue, let end = token["end"]?.intValue,
        let tokenText = token["text"]?.stringValue, let ws = token["ws"]?.boolValue
      else {
        problems.append("token \(index) lacks start, end, text or ws")
        continue
      }
      rebuilt += tokenText + (ws ? " " : "")
      if token["id"]?.intValue != index { problems.append("token \(index) has id \(token["id"] ?? "none")") }
      if start != offset { problems.append("token \(index) starts at \(start), not \(offset)") }
      guard start < end, end <= scalars.count else {
        problems.append("token \(index) has range \(start)..\(end)")
        continue
      }
      let covered = scalars[start..<end]
      if String(String.UnicodeScalarView(covered)) != tokenText {
        problems.append("token \(index) text \(tokenText.debugDescription) is not the text at \(start)..\(end)")
      }
      if ws && (end >= scalars.count || scalars[end] != " ") {
        problems.append("token \(index) has ws but no space follows")
      }
      // spaCy's tokens are all whitespace or none: a space with a mark is what broke `char_span`.
      let blank = covered.filter(isSpace).count
      if blank != 0 && blank != covered.count {
        problems.append("token \(index) \(tokenText.debugDescription) mixes whitespace with other characters")
      }
      offset = end + (ws ? 1 : 0)
    }
    if rebuilt != text { problems.append("tokens rebuild \(rebuilt.debugDescription)") }
    for (index, span) in (task["spans"]?.arrayValue ?? []).enumerated() {
      guard let first = span["token_start"]?.intValue, let last = span["token_end"]?.intValue,
        tokens.indices.contains(first), tokens.indices.contains(last)
      else {
        problems.append("span \(index) has no usable token_start/token_end")
        continue
      }
      if tokens[first]["start"] != span["start"] || tokens[last]["end"] != span["end"] {
        problems.append("span \(index) \(span["start"] ?? "?")..\(span["end"] ?? "?") is not tokens \(first)...\(last)")
      }
    }
    return problems
  }

  /// Python's `str.isspace`, what spaCy splits on, spelled out here rather than taken from the
  /// exporter so the check does not share the exporter's mistakes.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }

  /// python3 on the PATH, if there is one.
  public static let python: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin")
    .split(separator: ":").map { $0 + "/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }

  /// The same checks in Python's own `str`, as spaCy would count: prints one line per problem and
  /// `checked N` at the end.
  public static let script = #"""
    import json, sys
    problems, checked = [], 0
    for number, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
        task = json.loads(line)
        text, tokens = task["text"], task["tokens"]
        if "".join(t["text"] + (" " if t["ws"] else "") for t in tokens) != text:
            problems.append(f"task {number}: tokens do not rebuild the text")
        for t in tokens:
            if text[t["start"]:t["end"]] != t["text"]:
                problems.append(f"task {number}: token {t['id']} is not text[start:end]")
        for span in task["spans"]:
            if "token_start" not in span or "token_end" not in span:
                problems.append(f"task {number}: span {span['start']}..{span['end']} has no tokens")
                continue
            first, last = tokens[span["token_start"]], tokens[span["token_end"]]
            if (first["start"], last["end"]) != (span["start"], span["end"]):
                problems.append(f"task {number}: span {span['start']}..{span['end']} is not its tokens")
            if text[span["start"]:span["end"]] != span["text"]:
                problems.append(f"task {number}: span text differs")
            checked += 1
    print("\n".join(problems + [f"checked {checked}"]))
    """#

  /// Runs `script` on the JSONL file at `path`; its standard output and exit status.
  public static func runPython(_ python: String, on path: String) throws -> (Int32, String) {
    let run = try PythonScript.run(script, python: python, arguments: [path])
    return (run.status, run.text)
  }
}
