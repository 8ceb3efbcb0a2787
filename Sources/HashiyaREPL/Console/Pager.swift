import Foundation

/// Shows output taller than the terminal through a pager (`$PAGER`, else `less -FRX`), as git
/// and psql do; shorter output, and everything in batch or `--json`, is written directly.
struct Pager {
  /// The pager command, run by `/bin/sh -c`; empty (or `cat`) turns paging off.
  let command: String
  /// The terminal's height in rows, asked at each write since the window can be resized.
  let rows: () -> Int

  init(environment: [String: String], rows: @escaping () -> Int = { Pager.terminalSize()?.rows ?? 0 }) {
    self.command = environment["PAGER"] ?? "less -FRX"
    self.rows = rows
  }

  /// Writes `text` and a line break, paged when it has more lines than the terminal shows.
  func write(_ text: String) {
    let lines = text.reduce(into: 1) { count, character in if character == "\n" { count += 1 } }
    let height = rows()
    guard height > 0, lines >= height, !command.isEmpty, command != "cat", page(text + "\n") else {
      FileHandle.standardOutput.write(Data((text + "\n").utf8))
      return
    }
  }

  /// Runs the pager on `text`; false when it could not start, so the caller writes directly.
  private func page(_ text: String) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    let input = Pipe()
    process.standardInput = input
    do {
      try process.run()
    } catch {
      return false
    }
    // A pager quit early closes its end; the rest of the text is simply not wanted.
    let previous = signal(SIGPIPE, SIG_IGN)
    defer { signal(SIGPIPE, previous) }
    try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    return true
  }

  /// The size of the terminal on standard output; nil when it is not a terminal or does not
  /// say (a pseudo-terminal not yet sized reports 0 × 0).
  static func terminalSize() -> (rows: Int, columns: Int)? {
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return (Int(size.ws_row), Int(size.ws_col))
  }
}
