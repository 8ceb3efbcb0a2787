import AnnotatorTesting
import Foundation
import GRDB
import Testing

/// `merge` reads the other file a report (or an event) at a time: merging an edited copy of a
/// project twice the size does not take twice the memory above what opening the project costs.
@Suite struct MergeMemoryTests {
  let projects = AgreementMemoryTests()
  var hashiya: HashiyaBinary { projects.hashiya }

  /// A value of `attribute`'s kind the layer's schema accepts, one per side.
  static let edits: [String: (attribute: String, ours: String, theirs: String)] = [
    "speaker-tagging": ("role", "\"متحدث رسمي\"", "\"ناطق 📣\""),
    "claim-labeling": ("verdict", "false", "misleading"),
    "translation-notes": ("translation", "\"قوات سوريا الديمقراطية\"", "\"SDF 🌍\""),
  ]

  /// Ours and theirs: two copies of one project of `reports` reports, one annotation in 20 edited
  /// on one side or both; those edited on both get different values (conflicts).
  /// `both` counts the annotations edited on both sides.
  func copies(_ name: String, reports: Int) throws -> (ours: String, theirs: String, both: Int) {
    let base = try projects.project(name, reports: reports)
    let queue = try DatabaseQueue(path: base)
    let annotations = try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT id, layer FROM annotations WHERE id % 20 = 0 ORDER BY id")
        .map { (id: $0[0] as Int, layer: $0[1] as String) }
    }
    try queue.close()
    var sides: [String] = []
    for side in ["ours", "theirs"] {
      let path = hashiya.path("\(name)-\(side).hashiya")
      let copy = try hashiya.run([base, "-c", "save --copy \(path)"])
      try #require(copy.status == 0, "\(copy.stderr)")
      let commands = annotations.enumerated().compactMap { n, annotation -> String? in
        // Every other one is edited on both sides, the rest on one side each.
        guard n % 2 == 0 || (n % 4 == 1) == (side == "ours"), let edit = Self.edits[annotation.layer] else {
          return nil
        }
        return "edit #\(annotation.id) \(edit.attribute)=\(side == "ours" ? edit.ours : edit.theirs)"
      }
      // The spans made in SQL ignore graphemes and quotation marks, so a few edits are refused;
      // the run goes on past them, and the merge's conflicts below show the rest went in.
      _ = try hashiya.run([path], input: commands.joined(separator: "\n") + "\n")
      sides.append(path)
    }
    let both = annotations.indices.filter { $0 % 2 == 0 }.count
    return (sides[0], sides[1], both)
  }

  @Test(.enabled(if: ProdigyTaskCheck.python != nil, "python3 measures the peak"))
  func peakMemoryDoesNotDoubleWithTheProject() throws {
    let small = try copies("small", reports: 1_000)
    let large = try copies("large", reports: 2_000)
    let opened = try projects.peakKilobytes([large.ours, "-c", "whoami"])
    let smallPeak = try projects.peakKilobytes([small.ours, "-c", "merge \(small.theirs)"])
    let largePeak = try projects.peakKilobytes([large.ours, "-c", "merge \(large.theirs)"])
    // The merge really did the work: the annotations edited on both sides are conflicts.
    let queue = try DatabaseQueue(path: large.ours)
    let conflicts = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM conflicts") }
    try queue.close()
    #expect((large.both / 2...large.both).contains(conflicts ?? 0), "\(conflicts ?? 0) of \(large.both) conflicts")
    let smallExtra = max(smallPeak - opened, 1)
    let largeExtra = largePeak - opened
    #expect(
      Double(largeExtra) < 1.5 * Double(smallExtra),
      "merge peaks: \(smallPeak) KB on 1,000 reports, \(largePeak) KB on 2,000; opening \(opened) KB")
  }
}
