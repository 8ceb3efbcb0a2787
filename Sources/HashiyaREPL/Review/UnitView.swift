import AnnotatorKit
import HashiyaModel
import HashiyaReview
import HashiyaStore

/// One unit of the review queue as the reviewer sees it: context, each annotator's version, what differs.
struct UnitView: CommandOutput {
  var queue: ReviewQueue
  /// A line about what just happened (a decision), shown above the next unit.
  var note: String?

  var json: JSONValue {
    guard let item = queue.current else {
      return .object(["done": .bool(true), "note": note.map(JSONValue.string) ?? .null])
    }
    return .object([
      "position": .int(queue.position + 1), "units": .int(queue.items.count), "remaining": .int(queue.remaining),
      "layer": .string(item.layer), "unit": Self.unitJSON(item, queue: queue),
      "note": note.map(JSONValue.string) ?? .null,
    ])
  }

  static func unitJSON(_ item: ReviewQueue.Item, queue: ReviewQueue) -> JSONValue {
    var object = item.unit.json.objectValue ?? JSONObject()
    object["layer"] = .string(item.layer)
    if let text = queue.texts[item.unit.reportID] {
      object["text"] = .string(text.substring(item.unit.range))
    }
    object["decision"] = item.decision.map(JSONValue.string) ?? .null
    object["comment"] = item.comment.map(JSONValue.string) ?? .null
    object["reviews"] = .array(item.unit.allSpans.flatMap { queue.reviews[$0.id] ?? [] }.map(reviewJSON))
    return .object(object)
  }

  func text(_ style: TextStyle) -> String {
    var lines: [String] = []
    if let note { lines.append(style.green(note.visiblyEscaped)) }
    guard let item = queue.current, let text = queue.texts[item.unit.reportID] else {
      lines.append("review done: every unit in the queue is decided or skipped (\(queue.remaining) left open)")
      return lines.joined(separator: "\n")
    }
    let unit = item.unit
    let location = text.location(of: unit.range.start)
    lines.append(
      style.bold("unit \(queue.position + 1) of \(queue.items.count)")
        + style.dim(
          " · #\(unit.reportID) \(location) · \(item.layer.visiblyEscaped) · "
            + (unit.differences.isEmpty
              ? "all agree" : "differs: " + unit.differences.map(\.description).joined(separator: ", ").visiblyEscaped))
    )
    if let snippet = Self.inContext(unit.range, of: text, style: style) { lines.append("  " + snippet) }
    let width = queue.annotators.map { DisplayWidth.of($0.visiblyEscaped) }.max() ?? 0
    for annotator in queue.annotators {
      let name = DisplayWidth.pad(annotator.visiblyEscaped, to: width)
      let versions = unit.spans(of: annotator)
      guard !versions.isEmpty else {
        lines.append("  \(name)  " + style.dim("— (no annotation)"))
        continue
      }
      // Every version is shown, each with its handle: the differences above are computed over
      // all of them, and accept #ID must be able to name any.
      for (index, span) in versions.enumerated() {
        let mark = unit.dissenters.contains(annotator) ? style.yellow("≠") : " "
        let who = index == 0 ? name : String(repeating: " ", count: width)
        lines.append("\(mark) \(who)  " + Self.spanLine(span, text: text, style: style))
        for review in queue.reviews[span.id] ?? [] {
          lines.append(String(repeating: " ", count: width + 6) + style.dim(Self.reviewLine(review)))
        }
      }
    }
    if let comment = item.comment ?? queue.pendingComment {
      lines.append("  comment: " + BidiIsolation.isolate(comment))
    }
    if let decision = item.decision {
      lines.append(style.dim("  decided: \(decision.visiblyEscaped) (deciding again replaces it)"))
    }
    lines.append(
      style.dim(
        "  accept NAME|#ID · accept (all agree) · edit NAME|#ID key=value… · reject · skip · back · comment \"…\""))
    return lines.joined(separator: "\n")
  }

  /// The span highlighted in its sentence, with at most `limit` scalars of that sentence each side.
  static func inContext(_ range: TextRange, of text: ReportText, style: TextStyle, limit: Int = .max) -> String? {
    guard let sentence = text.location(of: range.start).sentence else { return nil }
    let bounds = text.sentences[sentence - 1].range
    let context = TextRange(min(bounds.start, range.start), max(bounds.end, range.end))
    return Snippet.make(range, in: text.scalars, context: min(context.length, limit)).isolated(style)
  }

  /// One version: handle, label, range, quote, attributes and links.
  static func spanLine(_ span: ReviewSpan, text: ReportText, style: TextStyle) -> String {
    let attributes = span.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\(AnnotationList.plain($0.value))" }
    let links = span.links.map { "\($0.type) → #\($0.target)" }
    // A span in pieces shows each piece: reviewers must see where annotators split a quotation.
    let ranges = span.ranges.map(\.description).joined(separator: "+")
    let quote = span.ranges.map { text.substring($0) }.joined(separator: " … ")
    return "#\(span.id) \(span.label.visiblyEscaped) \(ranges)  "
      + BidiIsolation.isolate("«" + quote + "»") + " "
      + (attributes + links).joined(separator: " ").visiblyEscaped
  }

  /// A reviewer's approve or flag on a version, with its comment.
  static func reviewLine(_ review: Review) -> String {
    "↳ \(review.verdict.rawValue) by \(review.reviewer.visiblyEscaped)"
      + (review.comment.map { ": " + BidiIsolation.isolate($0) } ?? "")
  }

  static func reviewJSON(_ review: Review) -> JSONValue {
    .object([
      "annotation": .int(review.annotationID), "verdict": .string(review.verdict.rawValue),
      "reviewer": .string(review.reviewer), "comment": review.comment.map(JSONValue.string) ?? .null,
      "at": .string(review.createdAt),
    ])
  }
}
