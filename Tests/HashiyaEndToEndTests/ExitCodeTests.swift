import Foundation
import Testing

/// The exit codes the README promises: 0 all commands succeeded, 1 one failed, 2 a wrong
/// command line, 3 the project cannot be opened (130 and 143 for signals: see `SignalTests`).
@Suite struct ExitCodeTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("p.hashiya") }

  @Test func wordsAfterTheProjectRunAsOneCommandLine() throws {
    _ = try hashiya.run([project, "-c", "import \(HashiyaBinary.seed)"])
    let words = try hashiya.run([project, "show", "1", "--tokens"])
    let flag = try hashiya.run([project, "-c", "show 1 --tokens"])
    #expect(words.status == 0, "\(words.stderr)")
    #expect(words.stdout == flag.stdout)
    #expect(words.stdout.contains("1:"))
    // Hashiya's own options still count wherever they stand.
    let (json, docs) = try hashiya.json(project, "whoami")
    let mixed = try hashiya.run([project, "whoami", "--json"])
    #expect(json.status == 0 && mixed.status == 0)
    #expect(mixed.stdout == json.stdout)
    #expect(docs.count == 1)
  }

  @Test func allCommandsSucceededIsZero() throws {
    #expect(try hashiya.run([project, "reports"]).status == 0)
    #expect(try hashiya.run([project, "-c", "whoami; reports"]).status == 0)
    #expect(try hashiya.run([project], input: "whoami\nreports\n").status == 0)
    #expect(try hashiya.run(["--help"]).status == 0)
  }

  /// The overview and discussion of --help read as paragraphs: no sentence is broken with a
  /// word or two left alone on a line ("creating it / from / projects/samples").
  @Test func helpTextFoldsWithoutOrphanedWords() throws {
    let help = try hashiya.run(["--help"])
    let prose = help.stdout.components(separatedBy: "\n").prefix { !$0.hasPrefix("USAGE:") }
    #expect(prose.count > 5)
    for (line, next) in zip(prose, prose.dropFirst()) where !line.isEmpty && !next.isEmpty {
      // A line followed by more of its paragraph is not cut short after a word or two.
      #expect(line.split(separator: " ").count > 2, "\(line) / \(next)")
    }
    #expect(help.stdoutLines.allSatisfy { $0.count <= 80 || $0.hasPrefix("USAGE:") })
  }

  @Test func aFailedCommandIsOne() throws {
    #expect(try hashiya.run([project, "no-such-command"]).status == 1)
    #expect(try hashiya.run([project, "-c", "whoami; show 99; reports"]).status == 1)
    #expect(try hashiya.run([project], input: "whoami\nshow 99\n").status == 1)
  }

  @Test(arguments: [
    ["--no-such-option"], ["p.hashiya", "--no-such-option"], ["--user"], ["-c"], ["--plugins"],
  ])
  func aWrongCommandLineIsTwo(arguments: [String]) throws {
    let run = try hashiya.run(arguments)
    #expect(run.status == 2, "\(run.stderr)")
    #expect(run.stderr.contains("Usage"), "\(run.stderr)")
    #expect(run.stdout.isEmpty)
  }

  @Test func aProjectThatCannotBeOpenedIsThree() throws {
    #expect(try hashiya.run([hashiya.path("missing-folder/p.hashiya"), "reports"]).status == 3)
    let notAProject = hashiya.write("notes.hashiya", "just some notes, not SQLite at all\n")
    let run = try hashiya.run([notAProject, "-c", "reports"])
    #expect(run.status == 3, "\(run.stderr)")
    let folder = hashiya.path("folder.hashiya")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    #expect(try hashiya.run([folder, "reports"]).status == 3)
  }
}
