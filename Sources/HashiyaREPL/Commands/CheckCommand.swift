import AnnotatorKit
import Foundation
import HashiyaFormats
import HashiyaModel
import HashiyaStore

/// `check`: verify the whole project file, like `git fsck`.
struct CheckCommand: Command {
  let name = "check"
  let synopsis = ""
  let summary = "verify the project file: SQLite's integrity, every quote, offset, link and event"
  let details = """
    Runs SQLite's integrity and foreign-key checks, then Hashiya's own: every report's text has
    its recorded length and SHA-256, every annotation lies inside its text on character edges
    and covers exactly its quote, uses a recorded layer and label, every active link joins live
    annotations, every event is readable and every annotation has a history, and the search
    index is sound. It also names temporary files a killed export left beside the project (the
    next export into that folder removes them). Nothing is written. The command fails (exit
    code 1) when it finds a problem.

    From the shell: hashiya team.hashiya check
    """

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    try arguments.finish()
    let path = session.store.path
    let folder = (path as NSString).deletingLastPathComponent
    let leftovers = ExportTemporaries.stale(in: folder.isEmpty ? "." : folder).map {
      ProjectProblem(kind: .temporary, location: $0, message: "left by an export that was killed; safe to remove")
    }
    return CheckReport(path: path, problems: try session.store.check() + leftovers)
  }
}

/// What `check` found: nothing, or a table of problems.
struct CheckReport: CommandOutput, FailingOutput {
  var path: String
  var problems: [ProjectProblem]

  var failures: [String] {
    guard !problems.isEmpty else { return [] }
    let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
    return ["\(count) in \(path); nothing was changed"]
  }

  var json: JSONValue {
    .object([
      "project": .string(path), "sound": .bool(problems.isEmpty),
      "problems": .array(
        problems.map {
          .object(["kind": .string($0.kind.rawValue), "where": .string($0.location), "problem": .string($0.message)])
        }),
    ])
  }

  func text(_ style: TextStyle) -> String {
    guard !problems.isEmpty else { return style.green("\(path) is sound") }
    return Table(
      header: ["kind", "where", "problem"], rows: problems.map { [$0.kind.rawValue, $0.location, $0.message] }
    ).render(style)
  }
}
