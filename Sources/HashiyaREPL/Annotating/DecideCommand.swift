import AnnotatorKit
import HashiyaAnnotating
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
    let total = try session.pendingSuggestions.count()
    guard total > 0 else { throw CommandError.noSuggestions }
    let tokens = try arguments.takeRest().map(\.text)
    guard !tokens.isEmpty else { throw CommandError.usage(command: name, message: "give suggestion numbers or all") }
    var chosen: [Int] = []
    if tokens == ["all"] {
      chosen = try session.pendingSuggestions.numbers(openOnly: true)
    } else {
      // `1,3` as well as `1 3`: an Arabic keyboard's ، arrives as a comma.
      for token in tokens.flatMap({ $0.split(separator: ",").map(String.init) }) {
        let bounds = token.split(separator: "-").map { Int($0) }
        guard let first = bounds.first ?? nil, let last = bounds.last ?? nil, first >= 1, last >= first else {
          throw CommandError.usage(command: name, message: "\"\(token)\" is not a number or range like 3-5")
        }
        guard last <= total else { throw CommandError.noSuchSuggestion(last, count: total) }
        chosen += Array(first...last)
      }
    }
    guard accept else {
      let rejected = try Self.reject(chosen, in: session)
      let json: JSONValue = .object(["rejected": .array(rejected.map { .int($0.number) })])
      guard rejected.count > HandleSummary.listedUpTo else {
        return Message("rejected \(rejected.count) suggestion\(rejected.count == 1 ? "" : "s")", json: json)
      }
      return Message(Self.summary("rejected", rejected.map(\.layer)), json: json)
    }
    let accepted = try Self.accept(chosen, in: session)
    guard accepted.created.count <= HandleSummary.listedUpTo else {
      // Thousands of rows would only scroll by: the screen gets the count, --json every handle.
      let handles = accepted.created.map(\.id)
      return Message(
        Self.summary("accepted", accepted.created.map(\.layer), handles: handles),
        json: .object([
          "accepted": .int(handles.count), "handles": .array(handles.map(JSONValue.int)),
          "alsoAccepted": .array(accepted.extra.map(JSONValue.int)),
        ]))
    }
    var list = try AnnotationList(accepted.created, session: session)
    if !accepted.extra.isEmpty {
      list.heading =
        "also accepted \(accepted.extra.map(String.init).joined(separator: ", ")), which the chosen ones link to"
    }
    return BulkAnnotationList(list: list, verb: "accepted", noun: "suggestions")
  }

  /// `accepted 17,210 suggestions as #1–#17210 on 3 layers; undo reverts them`.
  static func summary(_ verb: String, _ layers: [String], handles: [Int] = []) -> String {
    let count = layers.count
    let layerCount = Set(layers).count
    let made = handles.isEmpty ? "" : " as \(HandleSummary.text(handles))"
    return "\(verb) \(count.formatted()) suggestion\(count == 1 ? "" : "s")\(made) on \(layerCount) layer"
      + "\(layerCount == 1 ? "" : "s"); undo reverts them"
  }

  /// Rejects the open ones among the numbered candidates, in one transaction; returns them.
  static func reject(_ numbers: [Int], in session: Session) throws -> [PendingSuggestion] {
    let open = try session.pendingSuggestions.list(numbers).filter { $0.decided == .open }
    try session.store.change(author: session.user) { changes in
      for item in open {
        try SignalHandling.check()
        try changes.recordDecision(
          SuggestionDecision(
            reportID: item.reportID, layer: item.layer, label: item.suggestion.label, range: item.suggestion.range,
            verdict: .rejected), origin: item.origin)
      }
    }
    return open
  }

  /// The candidates numbered, with every candidate they link to, however far, read in batches.
  static func withLinked(_ numbers: [Int], in session: Session) throws -> [Int: PendingSuggestion] {
    var items: [Int: PendingSuggestion] = [:]
    var asked = Set(numbers)
    var next = numbers
    while !next.isEmpty {
      let found = try session.pendingSuggestions.items(next)
      items.merge(found) { first, _ in first }
      let targets = Set(found.values.flatMap { $0.linkTargets.map(\.number) }).subtracting(asked)
      asked.formUnion(targets)
      next = Array(targets)
    }
    return items
  }

  /// Accepts the chosen candidates plus any they link to, so a quote never loses its speaker.
  /// `label` and `typed` (`key=value`, an empty value removing the key) change the chosen ones
  /// only; the decision is still recorded under the suggested label, so it is not offered again.
  /// A relabelled candidate takes none of its links, which were suggested for the label it had.
  /// Returns the annotations created and the numbers accepted only because a chosen one links to them.
  static func accept(
    _ numbers: [Int], in session: Session, label: String? = nil, typed: [(key: String, value: String)] = []
  ) throws -> (created: [Annotation], extra: [Int]) {
    // A set: `accept all` can name some 17,000 candidates, and this runs once per candidate.
    let named = Set(numbers)
    let items = try withLinked(numbers, in: session)
    func links(_ number: Int) -> [(type: String, number: Int)] {
      guard let item = items[number] else { return [] }
      let relabelled = named.contains(number) && label != nil && label != item.suggestion.label
      return relabelled ? [] : item.linkTargets
    }
    var order: [Int] = []
    var seen: Set<Int> = []
    func visit(_ number: Int) {
      guard !seen.contains(number) else { return }
      seen.insert(number)
      for target in links(number) { visit(target.number) }
      order.append(number)
    }
    numbers.forEach(visit)
    var writers: [String: AnnotationWriter] = [:]
    var drafts: [Int: NewAnnotation] = [:]
    // Candidates come report by report: one analysed text at a time is enough.
    var text: (id: Int, text: ReportText)?
    for number in order {
      try SignalHandling.check()
      guard let item = items[number], item.decided == .open else { continue }
      let writer = try writers[item.layer] ?? session.writer(item.layer)
      writers[item.layer] = writer
      let changed = named.contains(number)
      let chosenLabel = (changed ? label : nil) ?? item.suggestion.label
      var attributes = item.suggestion.attributes
      if changed {
        if label != nil {
          attributes = attributes.filter { writer.schema.label(chosenLabel)?.attribute($0.key) != nil }
        }
        for (key, _) in typed { attributes.removeValue(forKey: key) }
      }
      if text?.id != item.reportID { text = (item.reportID, try session.text(ofReport: item.reportID)) }
      guard let text else { continue }
      drafts[number] = try writer.draft(
        label: chosenLabel, range: item.suggestion.range, reportID: item.reportID, text: text.text,
        attributes: attributes, typed: changed ? typed.filter { !$0.value.isEmpty } : [], origin: item.origin)
    }
    let layers = Array(Set(order.compactMap { drafts[$0] == nil ? nil : items[$0]?.layer })).sorted()
    let created: [Int: Annotation] = try session.change(writingTo: layers) { changes in
      var handles: [Int: Int] = [:]
      var created: [Int: Annotation] = [:]
      for number in order {
        try SignalHandling.check()
        guard let item = items[number] else { continue }
        if case .accepted(let handle?) = item.decided { handles[number] = handle }
        guard let draft = drafts[number] else { continue }
        let annotation = try changes.add(draft)
        handles[number] = annotation.id
        created[number] = annotation
        try changes.recordDecision(
          SuggestionDecision(
            reportID: item.reportID, layer: item.layer, label: item.suggestion.label, range: item.suggestion.range,
            verdict: .accepted), origin: item.origin)
      }
      for number in order where drafts[number] != nil {
        for target in links(number) {
          if let from = handles[number], let to = handles[target.number] {
            try changes.link(target.type, from: from, to: to)
          }
        }
      }
      return created
    }
    return (order.compactMap { created[$0] }, order.filter { !named.contains($0) && drafts[$0] != nil })
  }
}
