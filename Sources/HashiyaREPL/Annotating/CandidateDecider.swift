import AnnotatorKit
import HashiyaAnnotating
import HashiyaModel
import HashiyaStore

/// Which candidates of the last `suggest` an `accept` or `reject` names.
enum CandidateSelection {
  /// Every open candidate.
  case all
  /// These numbers, in the order given.
  case numbers([Int])

  var isAll: Bool {
    if case .all = self { return true }
    return false
  }
}

/// What an `accept` or `reject` settled, counted rather than listed, whatever its size.
struct DecisionOutcome {
  /// The annotations an accept made, in order, kept in full only while few enough to list.
  var created: [Annotation] = []
  /// How many candidates were settled, and on which layers.
  var count = 0
  var layers: [String: Int] = [:]
  /// The handles an accept made.
  var handles = NumberRuns()
  /// The numbers settled (a reject's), and those accepted only because a chosen one links to them.
  var numbers = NumberRuns()
  var extra: [Int] = []

  mutating func note(_ item: PendingSuggestion, created annotation: Annotation? = nil) {
    count += 1
    layers[item.layer, default: 0] += 1
    numbers.insert(item.number)
    guard let annotation else { return }
    handles.insert(annotation.id)
    if created.count <= HandleSummary.listedUpTo { created.append(annotation) }
  }
}

/// Settles candidates of the last `suggest` a chunk at a time, all inside one change: a list of
/// a million candidates holds one chunk in memory, and one `undo` takes the whole decision back.
struct CandidateDecider {
  /// Candidates read, drafted and written at a time.
  static let chunkSize = 2_000

  let session: Session
  /// The list's counts by layer when the caller has read them already: on a list of millions,
  /// each reading is a pass over all of it.
  var counts: [(layer: String, total: Int, open: Int)]? = nil

  /// Accepts the chosen candidates plus any they link to, so a quote never loses its speaker.
  /// `label` and `typed` (`key=value`, an empty value removing the key) change the chosen ones
  /// only; the decision is still recorded under the suggested label, so it is not offered again.
  /// A relabelled candidate takes none of its links, which were suggested for the label it had.
  func accept(
    _ selection: CandidateSelection, label: String? = nil, typed: [(key: String, value: String)] = []
  ) throws -> DecisionOutcome {
    var outcome = DecisionOutcome()
    let plan = try plan(selection)
    try session.change(writingTo: plan.layers, expecting: plan.size) { changes in
      var writers: [String: AnnotationWriter] = [:]
      // Candidates come a layer after another over a batch of reports: a text is analysed once.
      var texts = RecentValues<Int, ReportText>(capacity: PendingSuggestion.reportsPerBatch)
      try forEachChunk(selection) { chunk, named in
        var items = Dictionary(chunk.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        try addLinked(to: &items)
        func links(_ number: Int) -> [(type: String, number: Int)] {
          guard let item = items[number] else { return [] }
          let relabelled = named(number) && label != nil && label != item.suggestion.label
          return relabelled ? [] : item.linkTargets
        }
        var order: [Int] = []
        var seen: Set<Int> = []
        func visit(_ number: Int) {
          guard seen.insert(number).inserted else { return }
          for target in links(number) { visit(target.number) }
          order.append(number)
        }
        chunk.map(\.number).forEach(visit)
        var handles: [Int: Int] = [:]
        var made: Set<Int> = []
        for number in order {
          try SignalHandling.check()
          guard let item = items[number] else { continue }
          if case .accepted(let handle?) = item.decided { handles[number] = handle }
          guard item.decided == .open else { continue }
          let writer = try writers[item.layer] ?? session.writer(item.layer)
          writers[item.layer] = writer
          let changed = named(number)
          let chosenLabel = (changed ? label : nil) ?? item.suggestion.label
          var attributes = item.suggestion.attributes
          if changed {
            if label != nil {
              attributes = attributes.filter { writer.schema.label(chosenLabel)?.attribute($0.key) != nil }
            }
            for (key, _) in typed { attributes.removeValue(forKey: key) }
          }
          let text = try texts.value(for: item.reportID) { try session.text(ofReport: item.reportID) }
          let annotation = try changes.add(
            try writer.draft(
              label: chosenLabel, range: item.suggestion.range, reportID: item.reportID, text: text,
              attributes: attributes, typed: changed ? typed.filter { !$0.value.isEmpty } : [], origin: item.origin))
          try changes.recordDecision(decision(item, .accepted), origin: item.origin)
          handles[number] = annotation.id
          made.insert(number)
          outcome.note(item, created: annotation)
          if !changed { outcome.extra.append(number) }
        }
        for number in order where made.contains(number) {
          for target in links(number) {
            if let from = handles[number], let to = handles[target.number] {
              try changes.link(target.type, from: from, to: to)
            }
          }
        }
      }
    }
    return outcome
  }

  /// Rejects the open ones among the chosen candidates.
  func reject(_ selection: CandidateSelection) throws -> DecisionOutcome {
    var outcome = DecisionOutcome()
    try session.store.change(author: session.user, expecting: try plan(selection, layers: false).size) { changes in
      try forEachChunk(selection) { chunk, _ in
        for item in chunk where item.decided == .open {
          try SignalHandling.check()
          try changes.recordDecision(decision(item, .rejected), origin: item.origin)
          outcome.note(item)
        }
      }
    }
    return outcome
  }

  /// A decision on a candidate, recorded under the label it was suggested with.
  private func decision(_ item: PendingSuggestion, _ verdict: SuggestionDecision.Verdict) -> SuggestionDecision {
    SuggestionDecision(
      reportID: item.reportID, layer: item.layer, label: item.suggestion.label, range: item.suggestion.range,
      verdict: verdict)
  }

  /// Runs `body` on each chunk of the selection's candidates, read inside the caller's change so
  /// each chunk sees what the chunks before it decided; `named` tells the chosen ones from the
  /// ones only linked to.
  private func forEachChunk(
    _ selection: CandidateSelection, _ body: ([PendingSuggestion], (Int) -> Bool) throws -> Void
  ) throws {
    switch selection {
    case .all:
      // The list is numbered from 1 without gaps, so the first empty range is its end; counting
      // it first would read every candidate once more.
      var first = 1
      while true {
        let chunk = try session.store.pendingSuggestions(
          author: session.user, numbers: first...(first + Self.chunkSize - 1))
        guard !chunk.isEmpty else { return }
        try body(chunk.filter { $0.decided == .open }, { _ in true })
        first += Self.chunkSize
      }
    case .numbers(let numbers):
      let named = Set(numbers)
      for start in stride(from: 0, to: numbers.count, by: Self.chunkSize) {
        let part = Array(numbers[start..<min(numbers.count, start + Self.chunkSize)])
        let items = try session.pendingSuggestions.items(part)
        try body(part.compactMap { items[$0] }, named.contains)
      }
    }
  }

  /// Adds the candidates the items link to, however far, read in batches.
  private func addLinked(to items: inout [Int: PendingSuggestion]) throws {
    var next = Set(items.values.flatMap { $0.linkTargets.map(\.number) }).subtracting(items.keys)
    while !next.isEmpty {
      let found = try session.pendingSuggestions.items(Array(next))
      items.merge(found) { first, _ in first }
      next = Set(found.values.flatMap { $0.linkTargets.map(\.number) }).subtracting(items.keys)
    }
  }

  /// The layers a decision on `selection` may write to, so that their schemas are recorded in the
  /// same change, and about how many candidates it settles, as the store writes a large change
  /// otherwise than a small one. For `all` both come from the open counts by layer, the caller's
  /// or read now, once; for chosen numbers, from the candidates and those they link to (only when
  /// `layers` is asked for).
  private func plan(_ selection: CandidateSelection, layers: Bool = true) throws -> (layers: [String], size: Int) {
    switch selection {
    case .all:
      let open = try (counts ?? session.store.pendingSuggestionCounts(author: session.user)).filter { $0.open > 0 }
      return (open.map(\.layer), open.reduce(0) { $0 + $1.open })
    case .numbers(let numbers):
      guard layers else { return ([], numbers.count) }
      var items = try session.pendingSuggestions.items(numbers)
      try addLinked(to: &items)
      return (Set(items.values.filter { $0.decided == .open }.map(\.layer)).sorted(), numbers.count)
    }
  }
}
