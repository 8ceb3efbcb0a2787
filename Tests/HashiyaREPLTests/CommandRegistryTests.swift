import AnnotatorKit
import HashiyaAnnotating
import Testing

@testable import HashiyaREPL

@Suite struct CommandRegistryTests {
  let registry = CommandRegistry.standard(with: LayerCatalog(plugins: [], failures: []))

  @Test func findsCommandsByNameAndAlias() {
    #expect(registry.command(named: "show")?.name == "show")
    #expect(registry.command(named: "exit")?.name == "quit")
    #expect(registry.command(named: "nope") == nil)
  }

  @Test func suggestsTheClosestCommandForATypo() {
    #expect(registry.suggestion(for: "shwo") == "show")
    #expect(registry.suggestion(for: "serch") == "search")
    #expect(registry.suggestion(for: "imoprt") == "import")
    #expect(registry.suggestion(for: "xyzzy") == nil)
  }

  @Test func editDistanceCountsSwapsAsOneStep() {
    #expect(Spelling.distance("shwo", "show") == 1)
    #expect(Spelling.distance("", "abc") == 3)
    #expect(Spelling.distance("kitten", "sitting") == 3)
  }

  @Test func argumentsRefuseLeftovers() throws {
    var arguments = Arguments(command: "show", tokens: [.word("--tokens"), .word("3"), .word("--bogus")])
    let tokens = arguments.takeFlag("tokens")
    #expect(tokens)
    #expect(try arguments.takeReportID() == 3)
    #expect(throws: CommandError.usage(command: "show", message: "unknown option \"--bogus\" (options: --tokens)")) {
      try arguments.finish()
    }
    var typo = Arguments(command: "show", tokens: [.word("--tokns")])
    _ = typo.takeFlag("tokens")
    #expect(throws: CommandError.usage(command: "show", message: "unknown option \"--tokns\"; did you mean --tokens?"))
    {
      try typo.finish()
    }
    var paged = Arguments(command: "reports", tokens: [.word("--page=2")])
    #expect(try paged.takeIntOption("page") == 2)
    var bad = Arguments(command: "reports", tokens: [.word("--page"), .word("zero")])
    #expect(throws: CommandError.self) { try bad.takeIntOption("page") }
  }
}
