import Testing

@testable import HashiyaModel
@testable import HashiyaStore

/// The assignment plan: balanced, each report to `overlap` distinct annotators, the same for
/// the same seed.
@Suite struct AssignerTests {
  static let team = ["لينا", "amal", "karim"]

  @Test(arguments: [1, 2, 3]) func eachReportGoesToOverlapDistinctAnnotators(overlap: Int) throws {
    let plan = try Assigner(annotators: Self.team, overlap: overlap).plan(reportIDs: Array(1...50))
    #expect(plan.map(\.reportID) == Array(1...50))
    for entry in plan {
      #expect(entry.annotators.count == overlap)
      #expect(Set(entry.annotators).count == overlap)
      #expect(Set(entry.annotators).isSubset(of: Self.team))
    }
  }

  @Test(arguments: [(7, 2, 3), (10, 1, 4), (11, 3, 5), (1, 2, 2), (100, 2, 3)])
  func everyAnnotatorGetsWithinOneOfTheSameCount(reports: Int, overlap: Int, people: Int) throws {
    let names = (1...people).map { "annotator \($0)" }
    let plan = try Assigner(annotators: names, overlap: overlap, seed: 42).plan(reportIDs: Array(1...reports))
    var loads = Dictionary(uniqueKeysWithValues: names.map { ($0, 0) })
    for entry in plan { for name in entry.annotators { loads[name, default: 0] += 1 } }
    let counts = loads.values
    #expect((counts.max() ?? 0) - (counts.min() ?? 0) <= 1, "\(loads)")
    #expect(counts.reduce(0, +) == reports * overlap)
  }

  @Test func theSameSeedGivesTheSamePlanWhateverTheOrderOfNames() throws {
    let one = try Assigner(annotators: Self.team, overlap: 2, seed: 9).plan(reportIDs: Array(1...30))
    let again = try Assigner(annotators: Self.team.reversed(), overlap: 2, seed: 9).plan(
      reportIDs: Array((1...30).reversed()))
    #expect(one.map(\.annotators) == again.map(\.annotators))
    let other = try Assigner(annotators: Self.team, overlap: 2, seed: 10).plan(reportIDs: Array(1...30))
    #expect(one.map(\.annotators) != other.map(\.annotators))
  }

  @Test func pairsVaryFromReportToReport() throws {
    let plan = try Assigner(annotators: Self.team, overlap: 2).plan(reportIDs: Array(1...30))
    #expect(Set(plan.map(\.annotators)).count == 3)
  }

  @Test func existingLoadsAreEvenedOut() throws {
    let plan = try Assigner(annotators: ["amal", "karim"], overlap: 1).plan(
      reportIDs: [1, 2, 3, 4], loads: ["amal": 4])
    #expect(plan.allSatisfy { $0.annotators == ["karim"] })
  }

  @Test func anOverlapLargerThanTheTeamIsRefused() {
    #expect(throws: AssignmentError.overlapTooLarge(overlap: 4, annotators: 3)) {
      try Assigner(annotators: Self.team, overlap: 4)
    }
    #expect(throws: AssignmentError.overlapTooLarge(overlap: 2, annotators: 1)) {
      try Assigner(annotators: ["amal", "amal"], overlap: 2)
    }
    #expect(throws: AssignmentError.noAnnotators) { try Assigner(annotators: [""], overlap: 1) }
    #expect(throws: AssignmentError.overlapTooSmall(0)) { try Assigner(annotators: Self.team, overlap: 0) }
    #expect(
      AssignmentError.overlapTooLarge(overlap: 4, annotators: 3).description
        == "an overlap of 4 needs at least 4 annotators, and 3 were named")
  }
}
