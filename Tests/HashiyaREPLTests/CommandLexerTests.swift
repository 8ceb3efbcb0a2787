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
}
