import AnnotatorKit
import CReadline
import Foundation

/// The interactive prompt: GNU readline with a per-user history file and tab completion.
///
/// Readline is a process-wide C library with global state, so there is one editor per process and
/// its callbacks reach Swift through the static `completer`.
public final class LineEditor {
  private let historyPath: String

  /// Produces completions for the word being typed, given the whole line before it.
  nonisolated(unsafe) static var completer: (_ lineBeforeWord: String, _ word: String) -> [String]? = { _, _ in [] }
  nonisolated(unsafe) private static var candidates: [String] = []
  nonisolated(unsafe) private static var nextCandidate = 0
  /// Set when Ctrl-C abandoned the line being typed, so `readLine` drops what readline returns.
  nonisolated(unsafe) private static var abandonedLine = false

  /// Sets up readline: UTF-8 input, history from `historyPath`, completion and Ctrl-C handling.
  public init(historyPath: String, completer: @escaping (String, String) -> [String]?) {
    self.historyPath = historyPath
    Self.completer = completer
    Self.enableUTF8()
    hashiya_rl_set_name(strdup("hashiya"))
    hashiya_rl_set_completion { text, start, _ in
      let line = hashiya_rl_line_buffer().map { String(cString: $0) } ?? ""
      let before = String(decoding: line.utf8.prefix(Int(start)), as: UTF8.self)
      let word = text.map { String(cString: $0) } ?? ""
      guard let found = LineEditor.completer(before, word) else {
        return nil  // let readline complete file names
      }
      hashiya_rl_set_completion_over(1)
      // A name with control characters could not be typed anyway, and readline would print it raw.
      LineEditor.candidates = found.filter { !TerminalSafe.needsEscaping($0) }
      return rl_completion_matches(text) { _, state in
        if state == 0 { LineEditor.nextCandidate = 0 }
        guard LineEditor.nextCandidate < LineEditor.candidates.count else { return nil }
        defer { LineEditor.nextCandidate += 1 }
        return strdup(LineEditor.candidates[LineEditor.nextCandidate])
      }
    }
    let folder = (historyPath as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    stifle_history(2000)
    read_history(historyPath)
    // Signals reach readline as input events, never as handlers (see `nextKey`).
    hashiya_rl_set_catch_signals(0)
    hashiya_rl_set_getc { stream in LineEditor.nextKey(stream) }
  }

  /// Lets go of the completer, which holds the session and with it the project: the project is
  /// then closed (and its write-ahead log checkpointed) when the session ends.
  deinit {
    Self.completer = { _, _ in [] }
    Self.candidates = []
  }

  /// Reads one line; nil at end of input (Ctrl-D on an empty line) or when SIGTERM or SIGHUP
  /// ends the session. Ctrl-C abandons the line being typed and prompts again.
  public func readLine(prompt: String) -> String? {
    while true {
      Self.abandonedLine = false
      guard let raw = readline(prompt) else { return nil }
      defer { free(raw) }
      if let signal = SignalHandling.pendingSignal {
        guard signal == SIGINT else { return nil }
        // Ctrl-C just as the line was entered: it abandons the line all the same.
        SignalHandling.acknowledge()
        continue
      }
      if Self.abandonedLine { continue }
      return remember(String(cString: raw), raw)
    }
  }

  /// Readline asks for each key here: it waits for a key or a signal, whichever comes first.
  ///
  /// Ctrl-C marks the line "^C" and ends it, to be dropped by `readLine`, as shells do; SIGTERM and
  /// SIGHUP empty the line and end the input, so readline returns nil.
  private static func nextKey(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    let descriptor = stream.map { fileno($0) } ?? STDIN_FILENO
    while true {
      guard SignalHandling.waitForInput(descriptor) else {
        if SignalHandling.pendingSignal == SIGINT {
          SignalHandling.acknowledge()
          abandonedLine = true
          hashiya_rl_move_to_end()
          rl_insert_text("^C")
          rl_redisplay()
          return 10  // a newline ends the line
        }
        rl_replace_line("", 0)
        return -1  // EOF
      }
      var byte: UInt8 = 0
      let count = read(descriptor, &byte, 1)
      if count == 1 { return Int32(byte) }
      if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
      return -1
    }
  }

  /// Adds a non-blank line to the history and its file.
  private func remember(_ line: String, _ raw: UnsafeMutablePointer<CChar>) -> String {
    if !line.trimmingCharacters(in: .whitespaces).isEmpty {
      add_history(raw)
      if FileManager.default.fileExists(atPath: historyPath) {
        append_history(1, historyPath)
      } else {
        write_history(historyPath)
      }
    }
    return line
  }

  /// Readline handles multibyte (Arabic) input only under a UTF-8 locale.
  private static func enableUTF8() {
    let current = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? "C"
    if !current.uppercased().contains("UTF-8") && !current.uppercased().contains("UTF8") {
      setlocale(LC_CTYPE, "C.UTF-8")
    }
  }
}
