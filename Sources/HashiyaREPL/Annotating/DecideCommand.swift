import AnnotatorKit
import HashiyaAnnotating
import HashiyaModel
import HashiyaReview
import HashiyaStore

/// `accept N…|all` and `reject N…|all`: settle candidates of the last `suggest`.
struct DecideCommand: Command {
  let accept: Bool

  var name: String { accept ? "accept" : "reject" }
  var completion: CompletionKind { accept ? .annotators : .none }
  let synopsis = "N…|all  ·  in a review: accept [NAME|#ID], reject"
  var summary: String {
    accept ? "turn suggestions into annotations (with their linked candidates)" : "turn suggestions down (yours only)"
  }
  let details = """
    After suggest: accept N… (numbers or ranges like 3-5, or all) turns candidates into your
    annotations, with any candidates they link to; reject N… turns them down. Decisions are
    yours alone: other annotators are still offered the same candidates. undo gives back the
    candidates of your last accept or reject; suggest --again offers your rejected ones again.

    In a review, accept NAME takes NAME's version of the unit; when NAME has two annotations
    there, accept #ID takes exactly that one. A bare number is refused in a review. reject
    settles the unit with no annotation.

    Examples:
      accept 1 3-5
      accept karim
      accept #14
    """

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    if let queue = session.reviewQueue {
      let adjudicator = Adjudicator(workspace: session.workspace, queue: queue)
      let who = arguments.isEmpty ? nil : try arguments.takeWord("annotator")
      try arguments.finish()
      if !accept && who != nil {
        throw CommandError.usage(command: name, message: "in a review, reject takes no name: it settles the unit empty")
      }
      let note = accept ? try adjudicator.accept(try who.map { try ReviewChoice.parse($0) }) : try adjudicator.reject()
      return UnitView(queue: queue, note: note)
    }
    // The total comes from the list's key; the counts by layer, a pass over the whole list, only
    // for `all`, which needs them.
    let total = try session.pendingSuggestions.count()
    guard total > 0 else { throw CommandError.noSuggestions }
    let tokens = try arguments.takeRest().map(\.text)
    guard !tokens.isEmpty else { throw CommandError.usage(command: name, message: "give suggestion numbers or all") }
    var selection = CandidateSelection.all
    if tokens != ["all"] {
      var chosen: [Int] = []
      // `1,3` as well as `1 3`: an Arabic keyboard's ، arrives as a comma.
      for token in tokens.flatMap({ $0.split(separator: ",").map(String.init) }) {
        let bounds = token.split(separator: "-").map { Int($0) }
        guard let first = bounds.first ?? nil, let last = bounds.last ?? nil, first >= 1, last >= first else {
          throw CommandError.usage(command: name, message: "\"\(token)\" is not a number or range like 3-5")
        }
        guard last <= total else { throw CommandError.noSuchSuggestion(last, count: total) }
        chosen += Array(first...last)
      }
      selection = .numbers(chosen)
    }
    let counts = selection.isAll ? try session.pendingSuggestions.counts() : nil
    let decider = CandidateDecider(session: session, counts: counts)
    guard accept else {
      let rejected = try decider.reject(selection)
      guard rejected.count > HandleSummary.listedUpTo else {
        return DecisionSummary(
          line: "rejected \(rejected.count) suggestion\(rejected.count == 1 ? "" : "s")", accepted: false,
          outcome: rejected)
      }
      return DecisionSummary(line: Self.summary("rejected", rejected), accepted: false, outcome: rejected)
    }
    let accepted = try decider.accept(selection)
    guard accepted.count <= HandleSummary.listedUpTo else {
      // Thousands of rows would only scroll by: the screen gets the count, --json every handle.
      return DecisionSummary(line: Self.summary("accepted", accepted), accepted: true, outcome: accepted)
    }
    var list = try AnnotationList(accepted.created, session: session)
    if !accepted.extra.isEmpty {
      list.heading =
        "also accepted \(accepted.extra.map(String.init).joined(separator: ", ")), which the chosen ones link to"
    }
    return BulkAnnotationList(list: list, verb: "accepted", noun: "suggestions")
  }

  /// `accepted 17,210 suggestions as #1–#17210 on 3 layers; undo reverts them`.
  static func summary(_ verb: String, _ outcome: DecisionOutcome) -> String {
    let count = outcome.count
    let layerCount = outcome.layers.count
    let made = outcome.handles.isEmpty ? "" : " as \(HandleSummary.text(outcome.handles))"
    return "\(verb) \(count.formatted()) suggestion\(count == 1 ? "" : "s")\(made) on \(layerCount) layer"
      + "\(layerCount == 1 ? "" : "s"); undo reverts them"
  }
}

/// The line an `accept` or `reject` of many candidates prints, and its JSON, written as a stream:
/// every handle or number, however many.
struct DecisionSummary: CommandOutput {
  var line: String
  var accepted: Bool
  var outcome: DecisionOutcome

  var json: JSONValue {
    guard accepted else { return .object(["rejected": .array(outcome.numbers.sorted.map(JSONValue.int))]) }
    return .object([
      "accepted": .int(outcome.count), "handles": .array(outcome.handles.sorted.map(JSONValue.int)),
      "alsoAccepted": .array(outcome.extra.map(JSONValue.int)),
    ])
  }

  func text(_ style: TextStyle) -> String { line.visiblyEscaped }

  func writeJSON(_ writer: inout JSONWriter) {
    writer.beginObject()
    if accepted {
      writer.field("accepted", outcome.count)
      writer.numbers("handles", outcome.handles)
      writer.key("alsoAccepted")
      writer.value(.array(outcome.extra.map(JSONValue.int)))
    } else {
      writer.numbers("rejected", outcome.numbers)
    }
    writer.endObject()
  }
}
