import AnnotatorKit

/// `whoami`: who is annotating, in which project.
struct WhoamiCommand: Command {
  let name = "whoami"
  let synopsis = ""
  let summary = "show the annotating user and the open project"

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    try arguments.finish()
    let reports = try session.store.reportCount()
    let role = try session.access().role.rawValue
    return Message(
      "\(session.user) on \(session.store.path) (\(reports) report\(reports == 1 ? "" : "s"), \(role))",
      json: .object([
        "user": .string(session.user), "project": .string(session.store.path), "reports": .int(reports),
        "role": .string(role),
      ]))
  }
}
