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
  /// True while readline waits for a line, so Ctrl-C clears the line rather than ending the program.
  nonisolated(unsafe) private static var isReading = false

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
      LineEditor.candidates = found
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
    signal(SIGINT) { _ in
      guard LineEditor.isReading else { _exit(130) }
      // Ctrl-C at the prompt abandons the line being typed and offers a fresh prompt.
      _ = write(STDOUT_FILENO, "\n", 1)
      rl_on_new_line()
      rl_replace_line("", 0)
      rl_redisplay()
    }
  }

  /// Reads one line; nil at end of input (Ctrl-D on an empty line).
  public func readLine(prompt: String) -> String? {
    Self.isReading = true
    defer { Self.isReading = false }
    guard let raw = readline(prompt) else { return nil }
    defer { free(raw) }
    let line = String(cString: raw)
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
