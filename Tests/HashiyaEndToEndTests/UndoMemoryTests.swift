import AnnotatorTesting
import Foundation
import GRDB
import Testing

/// `undo` reads the command it reverts a page of events at a time: undoing an `accept all` on a
/// project twice the size does not take twice the memory above what opening the project costs.
@Suite struct UndoMemoryTests {
  let projects = AgreementMemoryTests()
  var hashiya: HashiyaBinary { projects.hashiya }

  /// A project of `reports` reports where the tester has accepted every suggestion, and how many
  /// annotations that made.
  func accepted(_ name: String, reports: Int) throws -> (project: String, accepted: Int) {
    let project = try projects.project(name, reports: reports)
    let run = try hashiya.run([project, "-c", "suggest --all-reports", "-c", "accept all"])
    try #require(run.status == 0, "\(run.stderr)")
    return (project, try activeAnnotations(of: "tester", in: project))
  }

  func activeAnnotations(of author: String, in project: String) throws -> Int {
    let queue = try DatabaseQueue(path: project)
    defer { try? queue.close() }
    return try queue.read { db in
      try Int.fetchOne(
        db, sql: "SELECT count(*) FROM annotations WHERE author = ? AND status = 'active'", arguments: [author]) ?? 0
    }
  }

  @Test(.enabled(if: ProdigyTaskCheck.python != nil, "python3 measures the peak"))
  func peakMemoryDoesNotGrowWithTheCommandUndone() throws {
    // Sizes past the point where the undo fills its 96 MB page cache, which is bounded by design.
    let small = try accepted("small", reports: 1_000)
    let large = try accepted("large", reports: 2_000)
    // Enough annotations that holding their events would show, twice as many in the larger.
    try #require(small.accepted > 20_000)
    #expect(large.accepted == 2 * small.accepted)
    let opened = try projects.peakKilobytes([large.project, "-c", "whoami"])
    let smallPeak = try projects.peakKilobytes([small.project, "-c", "undo"])
    let largePeak = try projects.peakKilobytes([large.project, "-c", "undo"])
    // The undo really reverted every annotation the accept made.
    #expect(try activeAnnotations(of: "tester", in: small.project) == 0)
    #expect(try activeAnnotations(of: "tester", in: large.project) == 0)
    // The JSON of a redo still lists every handle, streamed from the runs it keeps.
    let redone = try hashiya.run([small.project, "--json", "-c", "redo"])
    let object = try JSONSerialization.jsonObject(with: Data(redone.stdoutLines.last?.utf8 ?? "".utf8))
    let handles = try #require((object as? [String: Any])?["handles"] as? [Int])
    #expect(handles.count == small.accepted && handles == handles.sorted())
    // Bounded, not merely sublinear: the larger undo needs no more than the smaller one. Holding
    // the events took about 3 KB each, some 90 MB more here.
    let smallExtra = max(smallPeak - opened, 1)
    #expect(
      largePeak - smallPeak < smallExtra / 8,
      """
      undo peaks: \(smallPeak) KB reverting \(small.accepted) annotations, \(largePeak) KB reverting \
      \(large.accepted); opening \(opened) KB
      """)
  }
}
