import Testing

@testable import HashiyaREPL

@Suite struct CommandLexerTests {
  let lexer = CommandLexer { $0 == "find" || $0 == "tag" }

  @Test func splitsWordsQuotesAndAssignments() throws {
    let commands = try lexer.parse(##"tag claims claim "ثمانية ملايين"#2 type=statistical note="a b \"c\"""##)
    #expect(commands.count == 1)
    #expect(commands[0].name == "tag")
    #expect(
      commands[0].arguments == [
        .word("claims"), .word("claim"), .quoted("ثمانية ملايين", occurrence: 2),
        .assignment(key: "type", value: "statistical"), .assignment(key: "note", value: #"a b "c""#),
      ])
  }

  @Test func regexOnlyWhereTheCommandTakesPatterns() throws {
    let find = try lexer.parse(#"find /[0-9]+ ألف\/x/i"#)
    #expect(find[0].arguments == [.regex(pattern: #"[0-9]+ ألف/x"#, flags: "i")])
    let importing = try lexer.parse("import /tmp/a.txt")
    #expect(importing[0].arguments == [.word("/tmp/a.txt")])
  }

  @Test func semicolonsSeparateCommandsOutsideQuotesAndPatterns() throws {
    let commands = try lexer.parse(#"find "a;b"; find /x;y/ ;show 2"#)
    #expect(commands.map(\.name) == ["find", "find", "show"])
    #expect(commands[0].arguments == [.quoted("a;b", occurrence: nil)])
    #expect(commands[1].arguments == [.regex(pattern: "x;y", flags: "")])
    #expect(commands[2].arguments == [.word("2")])
    #expect(commands[2].source == "show 2")
  }

  @Test func reportsUnterminatedQuotesAndPatternsWithTheirColumn() {
    #expect(throws: CommandError.unterminated(kind: "quote", column: 6)) { try lexer.parse(#"find "كيفين"#) }
    #expect(throws: CommandError.unterminated(kind: "regular expression", column: 6)) { try lexer.parse("find /abc") }
    #expect(throws: CommandError.badOccurrence(column: 9)) { try lexer.parse(##"find "a"#x"##) }
  }

  @Test func commentsAndBlankLinesAreNothing() throws {
    #expect(try lexer.parse("# a comment").isEmpty)
    #expect(try lexer.parse("   ").isEmpty)
    #expect(try lexer.parse(" ; ;").isEmpty)
  }

  /// What an Arabic keyboard types: guillemets and curly quotes, Arabic digits, ؛ and ،.
  @Test func arabicKeyboardQuotesDigitsAndSeparators() throws {
    let quoted = try lexer.parse("tag a b «كيفين كويثي»#٢ note=“قالَ „نعم“ ”")
    #expect(
      quoted[0].arguments == [
        .word("a"), .word("b"), .quoted("كيفين كويثي", occurrence: 2), .assignment(key: "note", value: "قالَ „نعم“ "),
      ])
    #expect(try lexer.parse("tag „x“")[0].arguments == [.quoted("x", occurrence: nil)])
    let numbers = try lexer.parse("show ١٢؛ claim s٧.١١-١٢ checkworthiness=٥ rank=۳.۵ evidence=٢٠١٩م")
    #expect(numbers.map(\.name) == ["show", "claim"])
    #expect(numbers[0].arguments == [.word("12")])
    #expect(
      numbers[1].arguments == [
        .word("s7.11-12"), .assignment(key: "checkworthiness", value: "5"), .assignment(key: "rank", value: "3.5"),
        .assignment(key: "evidence", value: "٢٠١٩م"),
      ])
    #expect(try lexer.parse("accept ١،٣،٧-٩")[0].arguments == [.word("1,3,7-9")])
    // Inside quotes, digits and separators are text to match: kept as typed.
    #expect(try lexer.parse("find «١٢٠ ألف؛ مقاتل»")[0].arguments == [.quoted("١٢٠ ألف؛ مقاتل", occurrence: nil)])
    #expect(throws: CommandError.self) { try lexer.parse("tag «غير منتهٍ") }
  }
}
