/// `quit`: leaves Hashiya; every finished command is already saved.
struct QuitCommand: Command {
  let name = "quit"
  let aliases = ["exit", "q"]
  let synopsis = ""
  let summary = "leave Hashiya (everything is already saved)"

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    try arguments.finish()
    session.wantsToQuit = true
    return Message("bye", json: .object(["quit": .bool(true)]))
  }
}
