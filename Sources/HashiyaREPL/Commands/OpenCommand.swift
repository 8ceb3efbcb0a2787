import HashiyaStore

/// `open FILE`: switches to another project file, creating it if needed.
struct OpenCommand: Command {
  let name = "open"
  let synopsis = "FILE"
  let summary = "open (or create) another project file"
  let completion = CompletionKind.files

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    guard let path = arguments.takeNext()?.text else {
      throw CommandError.usage(command: name, message: "name the project file")
    }
    try arguments.finish()
    session.open(try ProjectStore.open(path: path))
    session.currentReportID = try session.store.firstReportID()
    let count = try session.store.reportCount()
    return Message(
      "opened \(path) (\(count) report\(count == 1 ? "" : "s"))",
      json: .object(["project": .string(path), "reports": .int(count)]))
  }
}
