import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// A list of annotation handles as people read it: each one when there are few, the span and
/// the count when there are many, so `accept all` or its `undo` never floods the screen.
enum HandleSummary {
  /// How many handles are still listed one by one.
  static let listedUpTo = 12

  /// `#3, #4, #9`; `#1–#16970` for a run without gaps; `#5–#900 (612 of them)` otherwise.
  static func text(_ handles: [Int]) -> String {
    guard handles.count > listedUpTo else { return handles.map { "#\($0)" }.joined(separator: ", ") }
    return text(NumberRuns(handles))
  }

  /// The same for handles kept as runs, without listing them.
  static func text(_ handles: NumberRuns) -> String {
    let ranges = handles.ranges
    let count = ranges.reduce(0) { $0 + $1.count }
    guard count > listedUpTo, let first = ranges.first?.lowerBound, let last = ranges.last?.upperBound else {
      return handles.sorted.map { "#\($0)" }.joined(separator: ", ")
    }
    return "#\(first)–#\(last)" + (ranges.count == 1 ? "" : " (\(count.formatted()) of them)")
  }
}

/// Annotations a bulk command made: listed in full in JSON, summed up on screen when many.
struct BulkAnnotationList: CommandOutput {
  var list: AnnotationList
  /// What was done, for the summary line: "accepted".
  var verb: String
  var noun: String

  var json: JSONValue { list.json }

  func text(_ style: TextStyle) -> String {
    let handles = list.entries.map(\.annotation.id)
    guard handles.count > HandleSummary.listedUpTo else { return list.text(style) }
    var lines = [
      style.green("\(verb) \(handles.count.formatted()) \(noun) as \(HandleSummary.text(handles))")
        + style.dim(" · ls lists them on each report, ls --all on every one")
    ]
    if let heading = list.heading { lines.append(heading.visiblyEscaped) }
    return lines.joined(separator: "\n")
  }
}
