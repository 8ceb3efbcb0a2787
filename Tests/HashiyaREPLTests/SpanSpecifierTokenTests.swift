import AnnotatorKit
import HashiyaAnnotating
import Testing

@testable import HashiyaREPL

/// SPANs as the command lexer hands them over; resolving them is tested in HashiyaAnnotatingTests.
@Suite struct SpanSpecifierTokenTests {
  @Test func parsesEverySpanForm() {
    #expect(SpanSpecifier(.quoted("x", occurrence: 2)) == .text("x", occurrence: 2))
    #expect(SpanSpecifier(.regex(pattern: "a+", flags: "i")) == .regex(pattern: "a+", flags: "i"))
    #expect(SpanSpecifier(.word("s3")) == .sentence(3))
    #expect(SpanSpecifier(.word("s3.4-7")) == .tokens(sentence: 3, from: 4, to: 7))
    #expect(SpanSpecifier(.word("s3.4")) == .tokens(sentence: 3, from: 4, to: 4))
    #expect(SpanSpecifier(.word("120..131")) == .offsets(120, 131))
    #expect(SpanSpecifier(.word("@")) == .lastFind(nil))
    #expect(SpanSpecifier(.word("@2")) == .lastFind(2))
    #expect(SpanSpecifier(.word("s0")) == nil)
    #expect(SpanSpecifier(.word("s3.7-4")) == nil)
    #expect(SpanSpecifier(.word("hello")) == nil)
    #expect(SpanSpecifier(.assignment(key: "a", value: "b")) == nil)
  }
}
