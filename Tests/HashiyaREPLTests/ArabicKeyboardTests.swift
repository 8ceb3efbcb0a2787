import HashiyaAnnotating
import Testing

@testable import HashiyaREPL

/// Words typed with the Arabic layout on, read as the Latin keys pressed.
@Suite struct ArabicKeyboardLayoutTests {
  @Test func readsTheKeysPressed() {
    #expect(ArabicKeyboard.latin("سحثشنثق") == "speaker")
    #expect(ArabicKeyboard.latin("قثمشلاثم") == "relabel")
    #expect(ArabicKeyboard.latin("لاغ") == "by")
    #expect(ArabicKeyboard.latin("س4ز3+1") == "s4.3+1")
    #expect(ArabicKeyboard.latin("س4ز3-س5ز2") == "s4.3-s5.2")
  }

  @Test func leavesArabicTextAndLatinAlone() {
    // An Arabic word with a letter no key gives plainly (أ is shift+h) is text, not keys.
    #expect(ArabicKeyboard.latin("أكد") == nil)
    #expect(ArabicKeyboard.latin("speaker") == nil)
    #expect(ArabicKeyboard.latin("12") == nil)
    #expect(ArabicKeyboard.latin("كيفين كويثي") == nil)
  }

  @Test func spanMarksAndCommandNamesTypedOnTheArabicLayout() {
    #expect(SpanSpecifier(.word("س4ز3+1")) == .tokens(sentence: 4, from: 3, to: 4))
    #expect(SpanSpecifier(.word("س12")) == .sentence(12))
    // A plain Arabic word is still not a SPAN.
    #expect(SpanSpecifier(.word("كويثي")) == nil)
  }

  /// The registry reads the layout, so the lexer knows `بهىي` (find) takes a /pattern/ too.
  @Test func theRegistryAndLexerKnowCommandsTypedOnTheArabicLayout() throws {
    let registry = CommandRegistry.standard(with: LayerCatalog(plugins: [], failures: []))
    #expect(registry.command(named: "بهىي")?.name == "find")
    #expect(registry.command(named: "كويثي") == nil)
    let lexer = CommandLexer { registry.command(named: $0)?.takesPatterns ?? false }
    let parsed = try lexer.parse("بهىي /كوي+/")
    #expect(parsed.first?.arguments == [.regex(pattern: "كوي+", flags: "")])
  }
}
