import AnnotatorKit
import HashiyaAnnotating
import HashiyaModel
import HashiyaStore

/// `find TEXT|/REGEX/`: occurrences in the current report, remembered as `@`.
struct FindCommand: Command {
  let name = "find"
  let synopsis = "TEXT|\"TEXT\"|/REGEX/flags"
  let summary = "find occurrences in the current report (sentence.token and offsets)"
  let details = """
    TEXT matches ignoring Arabic diacritics and tatweel, folding alef/hamza forms,
    ى/ي, ة/ه, Arabic-Indic digits and Latin case; the offsets reported are those of
    the original text. /REGEX/ is matched on the original text, code point by code
    point, and each match is widened to whole characters; flags: i (ignore case),
    m (^ and $ at line ends), s (. matches a line break), x (extended). A pattern
    that runs longer than a second (catastrophic backtracking) is given up.
    The result is remembered as @ for annotating commands.
    Offsets are Unicode scalar (code point) offsets, half-open.

    Examples:
      find كيفين كويثي
      find /[0-9٠-٩]+ ألف/
    """
  let takesPatterns = true

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let reportID = try arguments.takeOption("report").map { value -> Int in
      guard let id = Handle.parse(value) else {
        throw CommandError.usage(command: name, message: "--report takes a report id")
      }
      return id
    }
    let tokens = arguments.takeAll()
    guard !tokens.isEmpty else {
      throw CommandError.usage(command: name, message: "give the text or /regex/ to find")
    }
    let report = try session.report(reportID)
    let text = session.text(of: report)
    let ranges: [TextRange]
    let pattern: String
    if tokens.count == 1, case .regex(let source, let flags) = tokens[0] {
      ranges = try SpanResolver.occurrences(of: .pattern(source, flags: flags), in: text)
      pattern = "/\(source)/\(flags)"
    } else {
      pattern = tokens.map(\.text).joined(separator: " ")
      ranges = try SpanResolver.occurrences(of: .text(pattern), in: text)
    }
    session.currentReportID = report.id
    session.lastFind = (report.id, ranges)
    return FindResults(reportID: report.id, pattern: pattern, text: text, ranges: ranges)
  }
}

/// The occurrences `find` found.
struct FindResults: CommandOutput {
  var reportID: Int
  var pattern: String
  var text: ReportText
  var ranges: [TextRange]

  var json: JSONValue {
    .object([
      "report": .int(reportID), "pattern": .string(pattern), "count": .int(ranges.count),
      "matches": .array(
        ranges.enumerated().map { index, range in
          let location = text.location(of: range.start)
          return .object([
            "n": .int(index + 1), "start": .int(range.start), "end": .int(range.end),
            "text": .string(text.substring(range)),
            "sentence": location.sentence.map(JSONValue.int) ?? .null,
            "token": location.token.map(JSONValue.int) ?? .null,
            "utf16": .array([
              .int(text.utf16Offset(ofScalar: range.start)), .int(text.utf16Offset(ofScalar: range.end)),
            ]),
          ])
        }),
    ])
  }

  func text(_ style: TextStyle) -> String {
    guard !ranges.isEmpty else { return "no occurrence of \(Excerpt.of(pattern).visiblyEscaped) in #\(reportID)" }
    let rows = ranges.enumerated().map { index, range in
      [
        "\(index + 1)", text.location(of: range.start).description, range.description,
        Snippet.make(range, in: text.scalars, context: 24).isolated(style),
      ]
    }
    let table = Table(header: ["", "where", "offsets", "context"], rows: rows, rightAligned: [0])
    let count = "\(ranges.count) occurrence\(ranges.count == 1 ? "" : "s") in #\(reportID) — use @ to annotate"
    return table.render(style) + "\n" + style.dim(count)
  }
}
