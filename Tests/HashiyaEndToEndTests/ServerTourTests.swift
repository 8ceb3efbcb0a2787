import AnnotatorTesting
import Foundation
import Testing

/// The README's tour, run by the real binary on a project file and on a team server: every
/// command must print the same and leave the same annotations.
@Suite(.enabled(if: PostgresCluster.isAvailable)) struct ServerTourTests {
  let hashiya = HashiyaBinary()

  /// The annotating part of the tour, one command per entry.
  static let tour = [
    "import \(HashiyaBinary.seed)",
    "show 1",
    #"speaker "كينو كابرييل" role="المتحدث الرسمي""#,
    #"claim "ثمانية ملايين" type=statistical checkworthiness=5"#,
    "quote s10 by #1",
    "ls",
    "edit #2 verdict=false",
    "undo",
    "redo",
    "rm #3",
    "undo",
    "find كيفين كويثي",
    "search الخلايا النائمة",
    "reports",
  ]

  /// A fresh server project, made by the binary's own `init`.
  func serverProject() throws -> String {
    let cluster = PostgresCluster.shared
    let url = cluster.url(database: try cluster.createDatabase())
    let created = try hashiya.run(["init", url])
    #expect(created.status == 0, "\(created.stderr)")
    #expect(created.stdout.contains("postgres leads it"))
    return url
  }

  @Test func theTourPrintsTheSameOnAFileAndOnAServer() throws {
    let server = try serverProject()
    var outputs: [[String]] = []
    for project in [hashiya.path("tour.hashiya"), server] {
      var printed: [String] = []
      for command in Self.tour {
        let run = try hashiya.run([project, "--user", "postgres", "--bidi", "never", "-c", command])
        #expect(run.status == 0, "\(command): \(run.stderr)")
        printed.append(run.stdout)
      }
      outputs.append(printed)
    }
    for (index, command) in Self.tour.enumerated() {
      #expect(outputs[0][index] == outputs[1][index], "\(command) printed differently")
    }
    #expect(outputs[1][5].contains("كينو كابرييل"))
  }

  @Test func exportsOfTheSameWorkHoldTheSameAnnotations() throws {
    let server = try serverProject()
    var exported: [[String]] = []
    for (project, file) in [(hashiya.path("tour.hashiya"), "file.jsonl"), (server, "server.jsonl")] {
      let run = try hashiya.run(
        [project, "--user", "postgres", "-c", Self.tour.prefix(7).joined(separator: "; ") + "; export \(file)"])
      #expect(run.status == 0, "\(run.stderr)")
      let lines = try String(contentsOfFile: hashiya.path(file), encoding: .utf8).split(separator: "\n")
      // The header names the project and the time; every other line is the work itself, minus
      // the fresh UUIDs and times each backend gave it.
      exported.append(
        lines.dropFirst().map {
          String($0).replacing(#/"(createdAt|updatedAt|importedAt|at)":"[^"]*"/#, with: "")
            .replacing(#/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/#, with: "UUID")
        })
    }
    #expect(exported[0] == exported[1])
    #expect(exported[1].contains { $0.contains("ثمانية ملايين") })
  }

  @Test func initRefusesADatabaseThatHoldsAProjectOrOtherTables() throws {
    let server = try serverProject()
    let again = try hashiya.run(["init", server])
    #expect(again.status == 3)
    #expect(again.stderr.contains("already holds tables"))
    let missing = try hashiya.run(["init"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("init needs a project to create"))
  }

  @Test func aServerKnowsWhoYouAre() throws {
    let server = try serverProject()
    let run = try hashiya.run([server, "--user", "mallory", "-c", "reports"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("you are who it authenticated (postgres)"))
    let fromEnvironment = try hashiya.run(["-c", "reports"], environment: ["HASHIYA_DATABASE_URL": server])
    #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
    #expect(fromEnvironment.stdout.contains("0 reports") || fromEnvironment.stdout.contains("no reports"))
  }

  @Test func aBadServerAddressIsAClearErrorAndExitsThree() throws {
    let run = try hashiya.run(["postgresql://nobody@/no_such_db?host=/nonexistent-socket-folder", "-c", "reports"])
    #expect(run.status == 3)
    #expect(run.stderr.contains("cannot open postgresql://nobody@/no_such_db"))
  }

  @Test func aPasswordInTheAddressIsNeverPrinted() throws {
    let run = try hashiya.run(["postgresql://amal:s3cret@/no_such_db?host=/nonexistent-socket-folder", "-c", "reports"])
    #expect(run.status == 3)
    #expect(!run.stderr.contains("s3cret"))
    #expect(run.stderr.contains("amal:***@"))
  }

  /// Teammates on a server hear of each other's changes at the prompt without reopening.
  @Test func thePromptShowsWhatATeammateDid() throws {
    let server = try serverProject()
    _ = try hashiya.run([server, "-c", "import \(HashiyaBinary.seed)"])
    let result = try TerminalSession.run(
      [server, "--bidi", "never"], in: hashiya.folder,
      steps: [
        .expect("hashiya #1> "),
        .type("reports\r"),
        .expect("hashiya #1> "),
        .runElsewhere([HashiyaBinary.executable.path, server, "-c", #"speaker "كينو كابرييل""#]),
        .type("ls\r"),
        .expect("added 1 annotation to #1"),
        .expect("hashiya #1> "),
        .type("quit\r"),
      ])
    #expect(result.output.contains("postgres added 1 annotation to #1"))
  }

  /// A clone of the server for offline work, work on both sides, then the server's merged in.
  @Test func aCloneWorksOfflineAndTakesTheServersWorkByMerge() throws {
    let server = try serverProject()
    _ = try hashiya.run([server, "-c", "import \(HashiyaBinary.seed)", "-c", #"speaker "كينو كابرييل""#])
    let cloned = try hashiya.run(["clone", server, "offline.hashiya"])
    #expect(cloned.status == 0, "\(cloned.stderr)")
    #expect(cloned.stdout.contains("into offline.hashiya (1 report)"))
    _ = try hashiya.run([server, "-c", #"claim "ثمانية ملايين""#])
    let merged = try hashiya.run(["offline.hashiya", "--user", "postgres", "-c", "merge \(server)", "-c", "ls"])
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(merged.stdout.contains("1 new annotation"))
    #expect(merged.stdout.contains("«ثمانية ملايين»") && merged.stdout.contains("«كينو كابرييل»"))
    // A clone never lands on an existing file, and a failed one leaves nothing behind.
    let again = try hashiya.run(["clone", server, "offline.hashiya"])
    #expect(again.status == 3)
    #expect(again.stderr.contains("already exists"))
    let missing = try hashiya.run(["clone", server])
    #expect(missing.status == 2)
  }

  /// A project file moves onto a server with its whole history: undo goes on there.
  @Test func aFileMovesOntoAServer() throws {
    _ = try hashiya.run([
      "team.hashiya", "--user", "postgres", "-c", "import \(HashiyaBinary.seed)", "-c", #"speaker "كينو كابرييل""#,
    ])
    let cluster = PostgresCluster.shared
    let server = cluster.url(database: try cluster.createDatabase())
    let moved = try hashiya.run(["clone", "team.hashiya", server])
    #expect(moved.status == 0, "\(moved.stderr)")
    let undone = try hashiya.run([server, "-c", "undo", "-c", "ls"])
    #expect(undone.status == 0, "\(undone.stderr)")
    #expect(undone.stdout.contains("undo of create on #1"))
    #expect(undone.stdout.contains("no annotations"))
  }

  /// Offline work merges back into the server, once; both copies then hold the same annotations.
  @Test func offlineWorkMergesBackIntoTheServer() throws {
    let server = try serverProject()
    _ = try hashiya.run([server, "-c", "import \(HashiyaBinary.seed)", "-c", #"speaker "كينو كابرييل""#])
    _ = try hashiya.run(["clone", server, "offline.hashiya"])
    _ = try hashiya.run(["offline.hashiya", "--user", "postgres", "-c", #"claim "ثمانية ملايين""#, "-c", "rm #1"])
    _ = try hashiya.run([server, "-c", #"speaker "كيفين كويثي""#])
    let merged = try hashiya.run([server, "-c", "merge offline.hashiya"])
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(merged.stdout.contains("1 new annotation, 1 updated"))
    let again = try hashiya.run([server, "-c", "merge offline.hashiya"])
    #expect(again.stdout.contains("nothing new"))
    _ = try hashiya.run(["offline.hashiya", "--user", "postgres", "-c", "merge \(server)"])
    let onServer = try hashiya.run([server, "--bidi", "never", "-c", "ls --deleted"])
    let offline = try hashiya.run(["offline.hashiya", "--user", "postgres", "--bidi", "never", "-c", "ls --deleted"])
    // Handles are each copy's own numbers; what they hold must agree.
    func work(_ listing: String) -> [String] {
      listing.split(separator: "\n").map { String($0.drop { $0 != " " }) }.sorted()
    }
    #expect(work(onServer.stdout) == work(offline.stdout))
    #expect(onServer.stdout.contains("«ثمانية ملايين»") && onServer.stdout.contains("«كيفين كويثي»"))
    // New work on the server numbers on after the merged rows.
    let next = try hashiya.run([server, "-c", #"speaker "كينو""#])
    #expect(next.stdout.contains("#4"), "\(next.stdout)")
  }

  /// Ctrl-C during an import into a server rolls it back and gives the prompt back.
  @Test func ctrlCDuringAServerImportRollsItBack() throws {
    let server = try serverProject()
    _ = try hashiya.run([server, "-c", "import \(HashiyaBinary.samples)"])
    let big = hashiya.write("big.jsonl", GeneratedReports.jsonl(60_000, prefix: "r"))
    let session = try TerminalSession.run(
      [server], in: hashiya.folder,
      steps: [
        .expect("hashiya #1> "), .type("import \(big)\r"), .expect("%"), .type("\u{3}"),
        .expect("interrupted — nothing was changed"), .expect("hashiya #1> "), .type("reports\r"),
        .expect("3 reports"), .expect("hashiya #1> "), .type("quit\r"), .expect("bye"),
      ])
    #expect(session.failedStep == nil, "\(session.output)")
    let saved = try hashiya.run([server, "-c", "save --copy copy.hashiya"])
    #expect(saved.status == 0, "\(saved.stderr)")
    let copy = try hashiya.run(["copy.hashiya", "--user", "postgres", "-c", "reports"])
    #expect(copy.stdout.contains("3 reports"), "\(copy.stdout)")
  }

  /// An annotated export imports into a server as into a file: the same annotations, once.
  @Test func anAnnotatedExportImportsIntoAServer() throws {
    _ = try hashiya.run([
      "team.hashiya", "--user", "postgres", "-c", Self.tour.prefix(7).joined(separator: "; ") + "; export work.jsonl",
    ])
    let server = try serverProject()
    let imported = try hashiya.run([server, "-c", "import work.jsonl"])
    #expect(imported.status == 0, "\(imported.stderr)")
    let again = try hashiya.run([server, "-c", "import work.jsonl"])
    #expect(again.status == 0, "\(again.stderr)")
    let onServer = try hashiya.run([server, "--bidi", "never", "-c", "ls"])
    let inFile = try hashiya.run(["team.hashiya", "--user", "postgres", "--bidi", "never", "-c", "ls"])
    #expect(onServer.stdout == inFile.stdout)
    #expect(onServer.stdout.contains("«ثمانية ملايين»"))
  }

  /// A lead adds an annotator by their login; on a blind layer the annotator sees only their own
  /// work, and a login that is not on the team is turned away.
  @Test func aLeadAddsAnAnnotatorWhoWorksBlind() throws {
    let cluster = PostgresCluster.shared
    let database = try cluster.createDatabase()
    let lead = cluster.url(database: database)
    _ = try hashiya.run(["init", lead])
    let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
    let (amal, karim, outsider) = ("amal_\(suffix)", "karim_\(suffix)", "lina_\(suffix)")
    for role in [amal, karim, outsider] { try cluster.createRole(role) }
    let added = try hashiya.run([
      lead, "-c", "import \(HashiyaBinary.seed)", "-c", "team add \(amal) annotator", "-c",
      "team add \(karim) annotator",
      "-c", "team blind on",
    ])
    #expect(added.status == 0, "\(added.stderr)")
    let byAmal = try hashiya.run([cluster.url(database: database, user: amal), "-c", #"speaker "كينو كابرييل""#])
    #expect(byAmal.status == 0, "\(byAmal.stderr)")
    let byKarim = try hashiya.run([
      cluster.url(database: database, user: karim), "--bidi", "never", "-c", #"speaker "كيفين كويثي""#, "-c", "ls",
    ])
    #expect(byKarim.status == 0, "\(byKarim.stderr)")
    #expect(byKarim.stdout.contains("«كيفين كويثي»") && !byKarim.stdout.contains("«كينو كابرييل»"))
    let byLead = try hashiya.run([lead, "--bidi", "never", "-c", "ls"])
    #expect(byLead.stdout.contains("«كيفين كويثي»") && byLead.stdout.contains("«كينو كابرييل»"))
    let stranger = try hashiya.run([cluster.url(database: database, user: outsider), "-c", "reports"])
    #expect(stranger.status == 3)
    #expect(stranger.stderr.contains("\(outsider) is not on this project's team"), "\(stranger.stderr)")
  }
}
