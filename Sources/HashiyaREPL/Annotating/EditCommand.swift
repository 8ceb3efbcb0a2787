import AnnotatorKit
import HashiyaAnnotating
import HashiyaModel
import HashiyaReview
import HashiyaStore

/// `edit #ID k=v…` and `relabel #ID LABEL`: change an annotation's attributes or label.
struct EditCommand: Command {
  /// Which part of the annotation the command changes.
  enum Part { case attributes, label }

  let part: Part

  var name: String { part == .attributes ? "edit" : "relabel" }
  var completion: CompletionKind { part == .attributes ? .attributesOfHandle : .labelOfHandle }
  var synopsis: String { part == .attributes ? "#ID key=value…" : "#ID LABEL" }
  var summary: String {
    part == .attributes ? "change attributes of an annotation (key= removes one)" : "change an annotation's label"
  }
  var details: String {
    part == .attributes
      ? "In a review, edit NAME key=value… or edit #ID key=value… (a version in the current unit) takes\n"
        + "that version as the gold annotation with the changes.\n\nExample:\n  edit #12 role=\"المتحدث الرسمي\" affiliation=قسد"
      : "The new label must belong to the same layer; attributes it does not have are dropped.\n\nExample:\n  relabel #7 claim"
  }

  /// In a review, `edit NAME …` and `edit #ID …` for a version in the current unit take that
  /// version with changes; `edit #ID …` of any other annotation edits it as outside a review.
  static func adjudicates(_ choice: ReviewChoice, queue: ReviewQueue) -> Bool {
    guard case .annotation(let handle) = choice else { return true }
    return queue.current?.unit.allSpans.contains { $0.id == handle } ?? false
  }

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    if part == .attributes, let queue = session.reviewQueue, case .word(let who)? = arguments.peek, Int(who) == nil,
      let choice = try? ReviewChoice.parse(who), Self.adjudicates(choice, queue: queue)
    {
      _ = arguments.takeNext()
      let note = try Adjudicator(workspace: session.workspace, queue: queue).accept(
        choice, edits: try arguments.takeAssignments())
      return UnitView(queue: queue, note: note)
    }
    let handle = try arguments.takeHandle()
    let current = try session.store.annotation(id: handle)
    guard current.status == .active else { throw StoreError.annotationDeleted(id: handle) }
    let writer = try session.writer(current.layer)
    var values = Dictionary(uniqueKeysWithValues: current.attributes.pairs.map { ($0.key, $0.value) })
    var label = current.label
    var typed: [(key: String, value: String)] = []
    switch part {
    case .attributes:
      let assignments = try arguments.takeAssignments()
      guard !assignments.isEmpty else {
        throw CommandError.usage(command: name, message: "give at least one key=value")
      }
      for (key, _) in assignments { values.removeValue(forKey: key) }
      typed = assignments.filter { !$0.value.isEmpty }
    case .label:
      label = writer.label(try arguments.takeWord("new label"))
      try arguments.finish()
      let newLabel = try writer.schema.requireLabel(label)
      values = values.filter { newLabel.attribute($0.key) != nil }
    }
    let text = try session.text(ofReport: current.reportID)
    try current.check(against: text)
    let attributes = try writer.editedAttributes(
      of: current, label: label, text: text, attributes: values, typed: typed)
    try session.store.change(author: session.user) { changes in
      try changes.update(handle, label: label, attributes: attributes)
    }
    return try AnnotationList([try session.store.annotation(id: handle)], session: session)
  }
}
