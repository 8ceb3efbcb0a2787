import AnnotatorKit
import CReadline
import Foundation

/// The interactive prompt: GNU readline with a per-user history file and tab completion.
///
/// Readline is a process-wide C library with global state, so there is one editor per process and
/// its callbacks reach Swift through the static `completer`.
public final class LineEditor {
  private let historyPath: String

  /// What Tab offers for the line before the cursor; nil hands over to file-name completion.
  nonisolated(unsafe) static var completer: (_ lineBeforeCursor: String) -> CompletionResult? = { _ in nil }
  /// The completion under way: worked out when readline asks where the word starts, then used
  /// for the matches and their list.
  nonisolated(unsafe) private static var completion: CompletionResult?
  /// Set when Ctrl-C abandoned the line being typed, so `readLine` drops what readline returns.
  nonisolated(unsafe) private static var abandonedLine = false

  /// Sets up readline: UTF-8 input, history from `historyPath`, completion and Ctrl-C handling.
  init(historyPath: String, completer: @escaping (String) -> CompletionResult?) {
    self.historyPath = historyPath
    Self.completer = completer
    Self.enableUTF8()
    hashiya_rl_set_name(strdup("hashiya"))
    hashiya_rl_set_word_break_hook {
      LineEditor.startCompletion()
      // File names complete on readline's own words; everything else on the whole line.
      return LineEditor.completion == nil ? nil : hashiya_rl_no_word_breaks()
    }
    hashiya_rl_set_completion { text, _, end in
      // At the start of the line readline asks for no word, so the completion starts here.
      if end == 0 { LineEditor.startCompletion() }
      guard let completion = LineEditor.completion else {
        return nil  // let readline complete file names
      }
      hashiya_rl_set_completion_over(1)
      return LineEditor.matches(completion, replacing: text.map { String(cString: $0) } ?? "")
    }
    hashiya_rl_set_display_matches_hook { _, _, _ in LineEditor.listMatches() }
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
    Self.completer = { _ in nil }
    Self.completion = nil
  }

  /// Works out what Tab offers for the line before the cursor.
  private static func startCompletion() {
    let line = hashiya_rl_line_buffer().map { String(cString: $0) } ?? ""
    completion = completer(String(decoding: line.utf8.prefix(Int(hashiya_rl_point())), as: UTF8.self))
    // Hashiya orders its own candidates (handles by number, phrases as the report has them).
    hashiya_rl_set_sort_matches(completion == nil ? 1 : 0)
  }

  /// Readline's matches for `completion`: what replaces `text` (the line before the cursor) at
  /// once, then each candidate, as whole lines; nil when there is none.
  private static func matches(_ completion: CompletionResult, replacing text: String) -> UnsafeMutablePointer<
    UnsafeMutablePointer<CChar>?
  >? {
    let candidates = completion.candidates
    let word = completion.word.unicodeScalars
    guard !candidates.isEmpty, text.unicodeScalars.reversed().starts(with: word.reversed()) else { return nil }
    let head = String(String.UnicodeScalarView(text.unicodeScalars.dropLast(word.count)))
    let lines =
      candidates.count == 1
      ? [head + candidates[0].text] : [head + completion.insertion] + candidates.map { head + $0.text }
    if candidates.count == 1 && !candidates[0].endsWord { hashiya_rl_set_completion_suppress_append(1) }
    // Readline frees the list and its strings with free().
    guard let raw = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (lines.count + 1)) else { return nil }
    let list = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: lines.count + 1)
    for (index, line) in lines.enumerated() { list[index] = strdup(line) }
    list[lines.count] = nil
    return list
  }

  /// Lists the candidates of the completion under way below the line, then redraws the prompt.
  private static func listMatches() {
    var rows: Int32 = 0
    var columns: Int32 = 0
    rl_get_screen_size(&rows, &columns)
    let lines = Completion.listing(
      completion?.candidates ?? [], columns: Int(columns), lines: max(3, Int(rows) - 2))
    let out = hashiya_rl_outstream()
    for line in lines {
      rl_crlf()
      fputs(line, out)
    }
    rl_crlf()
    fflush(out)
    rl_forced_update_display()
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
