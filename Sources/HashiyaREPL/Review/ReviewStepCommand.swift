import AnnotatorKit

/// `skip`, `back` and `comment "…"`: moving through the review queue.
struct ReviewStepCommand: Command {
  /// Which step.
  enum Step: String { case skip, back, comment }

  let step: Step

  var name: String { step.rawValue }
  var synopsis: String { step == .comment ? "\"TEXT\"" : "" }
  var summary: String {
    switch step {
    case .skip: return "review: leave this unit open and go on"
    case .back: return "review: return to the previous unit"
    case .comment: return "review: a note kept with this unit's decision"
    }
  }

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    guard let queue = session.reviewQueue else {
      throw CommandError.usage(command: name, message: "no review in progress: start one with review")
    }
    switch step {
    case .skip:
      try arguments.finish()
      let skipped = queue.position + 1
      queue.pendingComment = nil
      queue.position = min(queue.position + 1, queue.items.count)
      return UnitView(queue: queue, note: "skipped unit \(skipped)")
    case .back:
      try arguments.finish()
      guard queue.position > 0 else { throw CommandError.usage(command: name, message: "this is the first unit") }
      queue.pendingComment = nil
      queue.position -= 1
      return UnitView(queue: queue, note: nil)
    case .comment:
      guard case .quoted(let text, _)? = arguments.takeNext() else {
        throw CommandError.usage(command: name, message: "put the comment in quotes")
      }
      try arguments.finish()
      queue.pendingComment = text
      return Message("comment kept for this unit's decision", json: .object(["comment": .string(text)]))
    }
  }
}
