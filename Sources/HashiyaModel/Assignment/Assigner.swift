import AnnotatorKit

/// Deals reports out to annotators: each report to `overlap` distinct annotators, every
/// annotator within one report of the same load, the same plan for the same seed.
///
/// Each report goes to the least-loaded annotators; ties are broken by a shuffle drawn from the
/// seed, so who works with whom varies from report to report (which agreement needs) while
/// the plan stays recomputable.
public struct Assigner: Sendable {
  /// The seed used when none is given, so that a plain `assign` is recomputable too.
  public static let defaultSeed: UInt64 = 1

  public let annotators: [String]
  public let overlap: Int
  public let seed: UInt64

  /// Checks the plan can be made: at least `overlap` distinct annotators, overlap at least 1.
  public init(annotators: [String], overlap: Int, seed: UInt64 = Assigner.defaultSeed) throws(AssignmentError) {
    var seen = Set<String>()
    let distinct = annotators.filter { !$0.isEmpty && seen.insert($0).inserted }
    guard !distinct.isEmpty else { throw .noAnnotators }
    guard overlap >= 1 else { throw .overlapTooSmall(overlap) }
    guard overlap <= distinct.count else { throw .overlapTooLarge(overlap: overlap, annotators: distinct.count) }
    // Sorted, so the order names were typed in does not change the plan.
    self.annotators = distinct.sorted()
    self.overlap = overlap
    self.seed = seed
  }

  /// The annotators of each report, in report id order.
  ///
  /// `loads` are the reports annotators already hold, so that assigning new reports later keeps
  /// the team balanced.
  public func plan(reportIDs: [Int], loads: [String: Int] = [:]) -> [(reportID: Int, annotators: [String])] {
    var generator = SeededGenerator(seed: seed)
    var load = Dictionary(uniqueKeysWithValues: annotators.map { ($0, loads[$0] ?? 0) })
    var plan: [(reportID: Int, annotators: [String])] = []
    for reportID in Set(reportIDs).sorted() {
      let shuffled = annotators.shuffled(using: &generator)
      let order = Dictionary(uniqueKeysWithValues: shuffled.enumerated().map { ($1, $0) })
      let chosen = shuffled.sorted { a, b in
        (load[a, default: 0], order[a, default: 0]) < (load[b, default: 0], order[b, default: 0])
      }.prefix(overlap)
      for name in chosen { load[name, default: 0] += 1 }
      plan.append((reportID, chosen.sorted()))
    }
    return plan
  }
}
