import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// `approve #ID` and `flag #ID "why"`: a reviewer's vote on one annotation, outside the queue.
struct VoteCommand: Command {
  let verdict: Review.Verdict

  var name: String { verdict.rawValue }
  var synopsis: String { verdict == .flag ? "#ID \"why\"" : "#ID [\"comment\"]" }
  var summary: String {
    verdict == .flag ? "flag an annotation for another look (ls --flagged lists them)" : "approve an annotation"
  }

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let handle = try arguments.takeHandle()
    // A blind annotator cannot judge what they may not see.
    _ = try session.visibleAnnotation(handle)
    var comment: String?
    if let token = arguments.takeNext() {
      guard case .quoted(let text, _) = token else {
        throw CommandError.usage(command: name, message: "put the comment in quotes")
      }
      comment = text
    }
    try arguments.finish()
    if verdict == .flag && (comment ?? "").isEmpty {
      throw CommandError.usage(command: name, message: "say why in quotes: flag #12 \"wrong speaker\"")
    }
    let review = try session.store.change(author: session.user) { changes in
      try changes.review(handle, verdict: verdict, comment: comment)
    }
    return Message(
      "\(verdict == .flag ? "flagged" : "approved") #\(handle)" + (comment.map { ": \($0)" } ?? ""),
      json: .object([
        "handle": .int(handle), "verdict": .string(review.verdict.rawValue), "reviewer": .string(review.reviewer),
        "comment": comment.map(JSONValue.string) ?? .null,
      ]))
  }
}
