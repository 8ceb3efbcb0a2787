import AnnotatorKit

/// A list of annotation handles as people read it: each one when there are few, the span and
/// the count when there are many, so `accept all` or its `undo` never floods the screen.
enum HandleSummary {
  /// How many handles are still listed one by one.
  static let listedUpTo = 12

  /// `#3, #4, #9`; `#1–#16970` for a run without gaps; `#5–#900 (612 of them)` otherwise.
  static func text(_ handles: [Int]) -> String {
    guard handles.count > listedUpTo, let first = handles.min(), let last = handles.max() else {
      return handles.map { "#\($0)" }.joined(separator: ", ")
    }
    let gapless = Set(handles).count == last - first + 1
    return "#\(first)–#\(last)" + (gapless ? "" : " (\(handles.count.formatted()) of them)")
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
