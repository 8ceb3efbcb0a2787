import AnnotatorKit
import Foundation

/// Runs command lines against a session and prints results, counting failures.
///
/// Every command line — typed at the prompt, piped in, or passed with `-c` — goes through
/// `run(line:)`, so batch and interactive runs behave the same. Text for people passes through
/// `TerminalSafe.sanitize` on its way out, so no control character from data reaches the terminal.
///
/// A command stopped by a signal (`Interruption`) is reported as interrupted whatever error it
/// stopped with, and the commands after it on the line do not run.
public final class CommandRunner {
  public let session: Session
  public let json: Bool
  public let style: TextStyle
  private let write: (String) -> Void
  private let writeError: (String) -> Void
  /// How many commands have failed so far; any failure makes the exit code non-zero.
  public private(set) var failures = 0
  /// When set (`HASHIYA_TIMING=1`), each command's duration goes to standard error for benchmarks.
  public var reportsTiming = false
  /// The width text is folded to, asked before each command since a window can be resized; nil
  /// when output is not a terminal.
  public var columns: () -> Int? = { nil }

  public init(
    session: Session, json: Bool, style: TextStyle,
    write: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
    writeError: @escaping (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
  ) {
    self.session = session
    self.json = json
    self.style = style
    self.write = write
    self.writeError = writeError
  }

  /// Parses and runs one line, which may hold several `;`-separated commands.
  public func run(line: String) {
    let registry = session.registry
    let lexer = CommandLexer { registry.command(named: $0)?.takesPatterns ?? false }
    let commands: [ParsedCommand]
    do {
      commands = try lexer.parse(line)
    } catch {
      report(error, command: nil)
      return
    }
    for parsed in commands {
      if session.wantsToQuit || SignalHandling.pendingSignal != nil { return }
      run(parsed)
    }
  }

  private func run(_ parsed: ParsedCommand) {
    let parsed = ResizeCommand.rewriting(parsed)
    guard let command = session.registry.command(named: parsed.name) else {
      let error = CommandError.unknownCommand(parsed.name, suggestion: session.registry.suggestion(for: parsed.name))
      report(error, command: parsed.source)
      return
    }
    let started = ContinuousClock.now
    do {
      let output = try command.run(Arguments(command: command.name, tokens: parsed.arguments), in: session)
      if output is SilentOutput {
        // Nothing to add: the command wrote its result itself.
      } else if json {
        var writer = JSONWriter()
        output.writeJSON(&writer)
        write(String(decoding: writer.bytes, as: UTF8.self))
      } else {
        var style = self.style
        style.columns = columns()
        let text = TerminalSafe.sanitize(output.text(style), style: style)
        write(style.finish(TextWrap.fit(text, width: style.columns)))
      }
      for failure in (output as? any FailingOutput)?.failures ?? [] {
        report(ReportedFailure(description: failure), command: parsed.source)
      }
    } catch {
      if let signal = SignalHandling.pendingSignal {
        SignalHandling.runCleanups()
        report(Interrupted(signal: signal), command: parsed.source)
      } else {
        report(error, command: parsed.source)
      }
    }
    if reportsTiming {
      let elapsed = ContinuousClock.now - started
      let microseconds = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
      writeError("timing\t\(command.name)\t\(microseconds)")
    }
  }

  private func report(_ error: any Error, command: String?) {
    failures += 1
    if json {
      writeError(JSONWriter.string(ErrorReport.json(error, command: command)))
    } else {
      writeError(style.finish(style.red("error: ") + ErrorReport.terminalMessage(error)))
    }
  }
}
