/// The progress table of `stats` being put together from the counts a store reads, the same on
/// every backend.
///
/// An assignment without a layer (a whole report) counts on each of the annotator's layer rows,
/// and a report is counted once per row however many of its assignments apply. Active
/// annotators of the team appear even before their first piece of work (leads only with work).
package struct ProgressTable {
  private var rows: [Key: AnnotatorProgress] = [:]

  package init() {}

  /// Adds `count` active annotations of `annotator` on `layer`.
  package mutating func addAnnotations(_ count: Int, annotator: String, layer: String) {
    rows[row(annotator, layer)]?.annotations += count
  }

  /// Adds `count` suggestion decisions of `annotator` on `layer` with the stored `verdict`.
  package mutating func addDecisions(_ count: Int, verdict: String, annotator: String, layer: String) {
    let key = row(annotator, layer)
    if verdict == SuggestionDecision.Verdict.accepted.rawValue {
      rows[key]?.accepted += count
    } else {
      rows[key]?.rejected += count
    }
  }

  /// The table, sorted by annotator then layer, given each annotator's assigned reports per
  /// layer (`''`: the whole report) with whether each is done, the team's active annotators, and
  /// the one layer asked for, if any.
  package mutating func finished(
    assignments: [String: [String: [Int: Bool]]], members: [String], layer: String?
  ) -> [AnnotatorProgress] {
    let people = Set(rows.keys.map(\.annotator)).union(assignments.keys).union(members)
    for person in people {
      var layers = rows.keys.filter { $0.annotator == person }.map(\.layer)
      layers += (assignments[person] ?? [:]).keys.filter { !$0.isEmpty && !layers.contains($0) }
      if layers.isEmpty { layers = [layer ?? ""] }
      for name in layers {
        let key = row(person, name)
        // Whole-report assignments (layer '') apply to every layer.
        let applying = [name, ""].compactMap { assignments[person]?[$0] }
        let reports = applying.reduce(into: [Int: Bool]()) { all, some in all.merge(some) { $0 || $1 } }
        rows[key]?.assigned = reports.count
        rows[key]?.done = reports.values.filter { $0 }.count
      }
    }
    return rows.values.sorted { ($0.annotator, $0.layer) < ($1.annotator, $1.layer) }
  }

  private mutating func row(_ annotator: String, _ layer: String) -> Key {
    let key = Key(annotator: annotator, layer: layer)
    if rows[key] == nil { rows[key] = AnnotatorProgress(annotator: annotator, layer: layer) }
    return key
  }

  /// One row of the table.
  private struct Key: Hashable {
    var annotator: String
    var layer: String
  }
}
