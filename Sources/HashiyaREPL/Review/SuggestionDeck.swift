import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// The pending suggestions `triage` walks, decided through `accept N` and `reject N`'s own code.
struct SuggestionDeck: TriageDeck {
  let session: Session
  /// The suggestion numbers (1-based, as `suggest` listed them) in the walk.
  let numbers: [Int]

  var count: Int { numbers.count }
  var choiceNoun: String { "label" }

  /// Read afresh each time: an accept elsewhere in the walk (a linked candidate) or an undo may have settled it.
  private func item(_ index: Int) throws -> PendingSuggestion { try session.pendingSuggestions.item(numbers[index]) }

  /// A candidate that cannot be read counts as settled, so the walk moves past it.
  func isOpen(_ index: Int) -> Bool { (try? item(index))?.decided == .open }

  /// The layer's labels, numbered on the card for the digit keys.
  private func labels(of layer: String) throws -> [String] {
    try session.catalog.schema(layer, store: session.store).labels.map(\.name)
  }

  func card(_ index: Int, style: TextStyle) throws -> [String] {
    let item = try item(index)
    var lines = [
      style.bold("\(item.location) · \(item.layer.visiblyEscaped)/\(item.suggestion.label.visiblyEscaped)")
        + style.dim(" · suggestion \(numbers[index]) · score \(String(format: "%.2f", item.suggestion.score))")
    ]
    let text = try session.text(ofReport: item.reportID)
    lines.append(
      "  "
        + (UnitView.inContext(
          item.suggestion.range, of: text, style: style, limit: Triage.context(for: item.suggestion.range))
          ?? BidiIsolation.isolate("«" + item.quote + "»")))
    let attributes = item.suggestion.attributes.sorted { $0.key < $1.key }
      .map { "\($0.key)=\(AnnotationList.plain($0.value))" }
    let links = item.linkTargets.map { "\($0.type) → \($0.number)" }
    if !(attributes + links).isEmpty {
      lines.append(
        "  " + BidiIsolation.isolate(DisplayWidth.truncate((attributes + links).joined(separator: " "), to: 76)))
    }
    let numbered = try labels(of: item.layer).enumerated().prefix(9).map {
      "\($0.offset + 1) \($0.element.visiblyEscaped)"
    }
    lines.append(style.dim("  " + DisplayWidth.truncate(numbered.joined(separator: " · "), to: 76)))
    return lines
  }

  func accept(_ index: Int, choice: Int?, edits: [(key: String, value: String)]?) throws -> (
    note: String, handles: [Int]
  ) {
    var label = edits?.last { $0.key == "label" }?.value
    if let choice {
      let labels = try labels(of: try item(index).layer)
      guard labels.indices.contains(choice - 1) else {
        throw CommandError.usage(command: "triage", message: "no label \(choice): this layer has \(labels.count)")
      }
      label = labels[choice - 1]
    }
    let typed = (edits ?? []).filter { $0.key != "label" }
    let accepted = try CandidateDecider(session: session).accept(.numbers([numbers[index]]), label: label, typed: typed)
    let also = accepted.extra.isEmpty ? "" : " (with \(accepted.extra.map(String.init).joined(separator: ", ")))"
    let handles = accepted.created.map(\.id)
    return ("accepted as \(HandleSummary.text(handles))\(also)", handles)
  }

  func reject(_ index: Int) throws {
    _ = try CandidateDecider(session: session).reject(.numbers([numbers[index]]))
  }

  func undo(_ index: Int) throws {
    _ = try UndoCommand.reverse(redo: false, in: session)
  }
}
