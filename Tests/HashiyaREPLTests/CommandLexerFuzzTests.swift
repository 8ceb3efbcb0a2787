import AnnotatorKit
import AnnotatorTesting
import HashiyaAnnotating
import Testing

@testable import HashiyaREPL

/// Mutated command lines never crash the lexer, the SPAN parser or the resolver: each either
/// fails with its own error or names a range that is a valid span of the report.
@Suite struct CommandLexerFuzzTests {
  let fuzzer = Fuzzer(
    target: "command-line", iterations: 10_000,
    dictionary: [
      " ", ";", "\"", "\\\"", "#", "#2", "/", "\\/", "=", "@", "@3", "s", "s2", "s1.2-3", "..", "0..4", "find ",
      "speaker ", "tag ", "(a+)+", "[", "]", "\\p{Arabic}", "(?x)", "*", "+?", "{2,}", "كويثي", "\t", "--report",
    ])
  let lexer = CommandLexer { ["find", "speaker", "tag", "claim", "note", "quote"].contains($0) }
  let text = ReportText("أكد “كيفين كويثي” أن 120 ألف مقاتل تدربوا. وقال “كويثي” 👍🏽 إنهم مستمرون.\r\nسطر ثالث 👨‍👩‍👧")

  @Test func lexesAndResolvesOrFailsWithItsOwnErrors() {
    #expect(!fuzzer.corpus.isEmpty, "no seeds in \(Fuzzer.seedsFolder.path)/\(fuzzer.target)")
    let resolver = SpanResolver(
      text: text, reportID: 1, lastFind: (reportID: 1, ranges: [TextRange(4, 9), TextRange(20, 27)]))
    fuzzer.forEachInput { input, iteration in
      let commands: [ParsedCommand]
      do throws(CommandError) {
        commands = try lexer.parse(String(decoding: input, as: UTF8.self))
      } catch {
        #expect(!error.description.isEmpty, "\(fuzzer.replay(iteration))")
        return
      }
      for token in commands.flatMap(\.arguments) {
        guard let span = SpanSpecifier(token) else { continue }
        do throws(SpanError) {
          let range = try resolver.resolve(span)
          #expect((try? text.validate(range)) != nil, "\(fuzzer.replay(iteration)): \(range) for \(span)")
        } catch {
          #expect(!error.description.isEmpty, "\(fuzzer.replay(iteration))")
        }
      }
    }
  }
}
