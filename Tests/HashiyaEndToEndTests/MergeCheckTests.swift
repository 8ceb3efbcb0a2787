import Foundation
import GRDB
import Testing

/// A teammate's file goes through the same checks as an import: a bad annotation in it refuses
/// the whole merge, naming it, or with `--skip-bad` is left out and listed.
@Suite struct MergeCheckTests {
  let hashiya = HashiyaBinary()

  /// Ours, and a copy where karim added a claim that `damage` then breaks outside Hashiya.
  func projects(_ damage: String) throws -> (ours: String, theirs: String) {
    let ours = try HostileProjectTests.base(in: hashiya)
    let theirs = hashiya.path("karim.hashiya")
    try FileManager.default.copyItem(atPath: ours, toPath: theirs)
    #expect(try hashiya.run([theirs, "-c", "team add karim lead"]).status == 0)
    let added = try hashiya.run([theirs, "--user", "karim", "-c", "claim \"كيفين كويثي\" type=quote"])
    #expect(added.status == 0, "\(added.stderr)")
    let queue = try DatabaseQueue(path: theirs)
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: damage)
      try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
    }
    try queue.close()
    return (ours, theirs)
  }

  static let damages = [
    ("UPDATE annotations SET \"end\" = 1000000000000 WHERE author = 'karim'", "falls outside the text"),
    ("UPDATE annotations SET quote = 'xyz' WHERE author = 'karim'", "disagrees with the text"),
    ("UPDATE annotations SET layer = 'no-such-layer' WHERE author = 'karim'", "is unknown here"),
    ("UPDATE annotations SET label = 'gossip' WHERE author = 'karim'", "has no label"),
    ("UPDATE annotations SET attributes = 'not json' WHERE author = 'karim'", "attributes are not a JSON object"),
  ]

  @Test(arguments: damages)
  func aBadAnnotationRefusesTheWholeMerge(_ damage: String, _ message: String) throws {
    let (ours, theirs) = try projects(damage)
    let before = try hashiya.json(ours, "reports; ls --all --deleted; history").documents
    let run = try hashiya.run([ours, "-c", "merge \(theirs)"])
    #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
    #expect(run.stderr.contains(message), "\(run.stderr)")
    #expect(!run.stderr.contains("Fatal error"))
    let after = try hashiya.json(ours, "reports; ls --all --deleted; history").documents
    #expect(NSArray(array: before).isEqual(to: after))
    #expect(try hashiya.run([ours, "-c", "check"]).status == 0)
  }

  @Test func skipBadLeavesTheBadAnnotationOutAndListsIt() throws {
    let (ours, theirs) = try projects("UPDATE annotations SET \"end\" = 1000000000000 WHERE author = 'karim'")
    let run = try hashiya.run([ours, "-c", "merge --skip-bad \(theirs)"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("skipped:"), "\(run.stdout)")
    #expect(run.stdout.contains("falls outside the text"), "\(run.stdout)")
    let listed = try hashiya.run([ours, "-c", "ls --author karim"])
    #expect(!listed.stdout.contains("كيفين"), "\(listed.stdout)")
    let check = try hashiya.run([ours, "-c", "check; export --format brat brat; export out.html"])
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
  }

  /// The teammate's file is only read: its bytes and its folder are as they were, no `-wal` or
  /// `-shm` left beside it, even under a name that needs escaping in a URI.
  @Test func theTeammatesFileAndFolderAreLeftAsTheyWere() throws {
    let (ours, theirs) = try projects("SELECT 1")
    let folder = hashiya.path("from karim?#%")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let moved = folder + "/karim.hashiya"
    try FileManager.default.moveItem(atPath: theirs, toPath: moved)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: moved))
    let run = try hashiya.run([ours, "-c", "merge \"\(moved)\""])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("1 new annotation"), "\(run.stdout)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: moved)) == bytes)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["karim.hashiya"])
  }

  @Test func aSoundTeammateFileStillMerges() throws {
    let (ours, theirs) = try projects("SELECT 1")
    let run = try hashiya.run([ours, "-c", "merge \(theirs); ls --author karim"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("كيفين كويثي"), "\(run.stdout)")
  }
}
