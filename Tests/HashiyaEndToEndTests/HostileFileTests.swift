import Foundation
import Testing

/// Files crafted to break an import (`Tests/HostileInputs/files`): each is refused with one line
/// naming the file, and the project keeps exactly what it had.
@Suite struct HostileFileTests {
  static let folder = HashiyaBinary.repository.appendingPathComponent("Tests/HostileInputs/files").path

  static let cases: [String] = {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
  }()

  @Test func theCorpusIsThere() {
    #expect(Self.cases.count >= 10)
  }

  @Test(arguments: cases)
  func craftedFileIsRefusedWholeAndNamed(_ name: String) throws {
    let hashiya = HashiyaBinary()
    let project = hashiya.path("p.hashiya")
    let good = hashiya.write("good.txt", "تقرير سليم\nفيه نص قصير 🙂.\r\n")
    #expect(try hashiya.run([project, "-c", "import \(good)"]).status == 0)
    let before = try hashiya.json(project, "reports; ls --all --deleted").documents
    let path = Self.folder + "/" + name
    let run = try hashiya.run([project, "-c", "import --layer claim-labeling \(path)"])
    #expect(run.status == 1, "\(name): \(run.stdout)\(run.stderr)")
    #expect(!run.stderr.contains("Fatal error"), "\(name): \(run.stderr)")
    #expect(run.stderrLines.count == 1, "\(name): \(run.stderr)")
    // A folder's problem is named by the file inside it that has it.
    #expect(run.stderr.contains(name.hasPrefix("brat-") ? ".ann:T1" : name), "\(name): \(run.stderr)")
    let after = try hashiya.json(project, "reports; ls --all --deleted").documents
    #expect(NSArray(array: before).isEqual(to: after), "\(name) changed the project")
  }
}
