import AnnotatorKit
import Foundation

/// The prompt loop: read a line, run it, until `quit`, Ctrl-D, SIGTERM or SIGHUP.
///
/// Ctrl-C during a command stops it (the runner says it was interrupted) and the prompt comes back.
public struct InteractiveLoop {
  let runner: CommandRunner
  let editor: LineEditor

  public init(runner: CommandRunner, historyPath: String) {
    self.runner = runner
    let session = runner.session
    self.editor = LineEditor(historyPath: historyPath) { Completion.complete($0, session: session) }
  }

  public func run() {
    let session = runner.session
    while !session.wantsToQuit {
      // What teammates on a server did meanwhile, above the prompt; their names are data.
      for activity in session.store.teammateActivity() {
        print(session.style.dim("· " + activity.visiblyEscaped))
      }
      let prompt = PromptText.make(currentReportID: session.currentReportID, review: session.reviewQueue)
      guard let line = editor.readLine(prompt: prompt) else {
        print("")
        return
      }
      runner.run(line: line)
      if let signal = SignalHandling.pendingSignal {
        guard signal == SIGINT else { return }
        SignalHandling.acknowledge()
      }
    }
  }

  /// Where a user's prompt history lives: `$XDG_STATE_HOME/hashiya/history-USER`.
  public static func historyPath(user: String, environment: [String: String]) -> String {
    let state =
      environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
    let safeUser = String(user.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
    return state + "/hashiya/history-" + safeUser
  }
}
