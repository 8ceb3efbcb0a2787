import AnnotatorKit
import AnnotatorTesting
import Foundation
import HashiyaPostgres
import Testing

/// The PostgreSQL schema's statements, checked for what holds without a server, and written out
/// as a script when `HASHIYA_DUMP_SCHEMA` names a file, for `psql -v ON_ERROR_STOP=1 -f` to run
/// (with the seed report, indexed as the store indexes it, when `HASHIYA_DUMP_SEED` names one).
@Suite struct PostgresSchemaDumpTests {
  /// The tables every project file has, `reports_fts` being the search index.
  static let fileTables = [
    "meta", "reports", "reports_fts", "reviewState", "plugins", "annotations", "links", "reviews", "reviewDecisions",
    "suggestionDecisions", "events", "conflicts", "team", "assignments", "assignmentRemovals", "reportTokens",
    "pendingSuggestions", "commands",
  ]

  static var createdTables: [String] {
    PostgresSchema.statements.compactMap { statement in
      guard statement.hasPrefix("CREATE TABLE ") else { return nil }
      return statement.dropFirst("CREATE TABLE ".count).split(separator: " ").first.map(String.init)
    }
  }

  @Test func writesTheScriptWhenAsked() throws {
    let environment = ProcessInfo.processInfo.environment
    if let path = environment["HASHIYA_DUMP_SCHEMA"] {
      let database = environment["HASHIYA_DUMP_DATABASE"] ?? "p"
      let all = PostgresSchema.statements + (try PostgresSchema.roleStatements(database: database))
      try (all.joined(separator: ";\n") + ";\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
    if let path = environment["HASHIYA_DUMP_SEED"] {
      try Self.seedInsert().write(toFile: path, atomically: true, encoding: .utf8)
    }
    #expect(PostgresSchema.statements.count > 40)
  }

  @Test func createsEveryTableOfAProjectFileOnce() {
    #expect(Self.createdTables.sorted() == Self.fileTables.sorted())
  }

  @Test func createsEachTableBeforeATableReferencesIt() {
    var created: Set<String> = []
    for statement in PostgresSchema.statements {
      // The event log refers to itself (an undo names the event it reverts).
      if let table = Self.createdTables.first(where: { statement.hasPrefix("CREATE TABLE \($0) ") }) {
        created.insert(table)
      }
      for table in Self.fileTables where statement.contains("REFERENCES \(table)(") {
        #expect(created.contains(table), "a statement references \(table) before it exists: \(statement)")
      }
    }
  }

  @Test func leavesTheSeparatorsToTheCaller() {
    for statement in PostgresSchema.statements {
      #expect(!statement.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(";"), "\(statement)")
      #expect(statement == statement.trimmingCharacters(in: .whitespacesAndNewlines))
    }
  }

  @Test func recordsTheSchemaVersionAndUpgradesFromTheOneBefore() {
    #expect(PostgresSchema.version == 10)
    #expect(PostgresSchema.statements.contains { $0.contains("('schemaVersion', '\(PostgresSchema.version)')") })
    #expect(PostgresSchema.upgradeStatements(from: PostgresSchema.version).isEmpty)
    // Version 9 had no list of commands: the upgrade makes it and fills it from the log.
    let upgrade = PostgresSchema.upgradeStatements(from: 9)
    #expect(upgrade.contains { $0.hasPrefix("CREATE TABLE commands ") })
    #expect(upgrade.contains { $0.contains("FROM events WHERE") })
  }

  @Test func putsEveryTableUnderRowSecurityWithALeadPolicyOrNone() {
    let secured = PostgresSchema.statements.compactMap { statement -> String? in
      guard statement.hasSuffix(" ENABLE ROW LEVEL SECURITY") else { return nil }
      return statement.split(separator: " ")[2].description
    }
    #expect(secured.contains("annotations") && secured.contains("events") && secured.contains("links"))
    for table in secured {
      #expect(PostgresSchema.statements.contains { $0.hasPrefix("CREATE POLICY \(table)_lead ON \(table) ") })
    }
  }

  @Test func grantsAnnotatorsReadingEveryTableButNoChangeToTextOrLog() throws {
    let group = try PostgresSchema.quoteIdentifier(PostgresSchema.groupRole("annotator", database: "p"))
    let grants = try PostgresSchema.roleStatements(database: "p").filter { $0.hasSuffix("TO \(group)") }
    let read = try #require(grants.first { $0.hasPrefix("GRANT SELECT ON ") })
    #expect(Set(Self.tables(of: read)) == Set(Self.fileTables))
    for grant in grants {
      let tables = Self.tables(of: grant)
      #expect(!(grant.contains("UPDATE") && tables.contains("reports")), "\(grant)")
      #expect(!((grant.contains("UPDATE") || grant.contains("DELETE")) && tables.contains("events")), "\(grant)")
    }
  }

  /// The tables a `GRANT ... ON a, b TO role` statement names.
  static func tables(of grant: String) -> [String] {
    guard let on = grant.range(of: " ON "), let to = grant.range(of: " TO ", range: on.upperBound..<grant.endIndex)
    else { return [] }
    return grant[on.upperBound..<to.lowerBound].split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespacesAndNewlines)
    }
  }

  @Test func namesGroupRolesAfterTheDatabaseWithinPostgresLimits() throws {
    #expect(PostgresSchema.groupRole("annotator", database: "p") == "hashiya_p_annotator")
    #expect(PostgresSchema.groupRole("lead", database: "Team-2026") == "hashiya_team_2026_lead")
    let arabic = PostgresSchema.groupRole("lead", database: "مشروع")
    #expect(arabic == "hashiya_" + String(repeating: "_", count: 5) + "_lead")
    let long = String(repeating: "تحالف", count: 30)
    let lead = PostgresSchema.groupRole("lead", database: long)
    let annotator = PostgresSchema.groupRole("annotator", database: long)
    #expect(lead.utf8.count <= PostgresSchema.maximumNameBytes && annotator.utf8.count <= 63)
    #expect(lead.hasSuffix("_lead") && annotator.hasSuffix("_annotator") && lead != annotator)
    #expect(
      PostgresSchema.groupRole("lead", database: long) != PostgresSchema.groupRole("lead", database: long + "x"))
    _ = try PostgresSchema.quoteIdentifier(lead)
  }

  @Test func quotesOnlyNamesItCanVouchFor() throws {
    #expect(try PostgresSchema.quoteIdentifier("amal") == "\"amal\"")
    for bad in ["", "Amal", "amal\"; DROP TABLE events; --", "أمل", "a b", "😀", String(repeating: "a", count: 64)] {
      #expect(throws: PostgresSchemaError.invalidRoleName(bad)) { try PostgresSchema.quoteIdentifier(bad) }
    }
  }

  @Test func makesAMemberOfOneGroupOrNone() throws {
    #expect(
      try PostgresSchema.membershipStatements(member: "amal", role: "lead", database: "p") == [
        "REVOKE \"hashiya_p_annotator\" FROM \"amal\"", "GRANT \"hashiya_p_lead\" TO \"amal\"",
      ])
    let removed = try PostgresSchema.membershipStatements(member: "karim", role: nil, database: "p")
    #expect(removed.count == 2 && removed.allSatisfy { $0.hasPrefix("REVOKE ") })
    #expect(throws: PostgresSchemaError.invalidRoleName("أمل")) {
      try PostgresSchema.membershipStatements(member: "أمل", role: "annotator", database: "p")
    }
  }

  @Test func quotesSearchTermsSoNothingInThemIsQuerySyntax() {
    #expect(PostgresSchema.queryTerm("جدة", prefix: false, weights: "AB") == "'جدة':AB")
    #expect(PostgresSchema.queryTerm("سَلام", prefix: true, weights: "C") == "'سَلام':*C")
    #expect(PostgresSchema.queryTerm(#"o'k\ & !"#, prefix: false, weights: "AB") == #"'o''k\\ & !':AB"#)
  }

  /// The seed report and its search row as the store writes them, with literals for parameters,
  /// then, as psql variables, searches folded as the store folds a query: a phrase with
  /// diacritics, the same words out of order, a word the text has only with a clitic (للمنشآت),
  /// that word as a clitic form, and a prefix.
  static func seedInsert() -> String {
    func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
    func variable(_ name: String, _ value: String) -> String { "\\set \(name) \(literal(value))\n" }
    let title = "التحالف الدولي يؤكد استمرار دعمهم لقسد"
    let body = SearchTokenizer.indexText(SeedReport.text)
    let folded = SearchTokenizer.indexText(title)
    let clitics = String(
      decoding: SearchTokenizer.cliticUTF8(ofIndexTexts: Array(folded.utf8), Array(body.utf8)), as: UTF8.self)
    let vector = PostgresSearchVector.text(
      title: Array(folded.utf8), body: Array(body.utf8), clitics: Array(clitics.utf8))
    let word = SearchTokenizer.indexText("المنشآت")
    return """
      INSERT INTO reports (uid, title, titleFolded, language, text, sha256, length, importedAt, importedBy)
      VALUES ('seed', \(literal(title)), \(literal(folded)), 'ar', \(literal(SeedReport.text)), 'seed-sha',
        \(SeedReport.text.unicodeScalars.count), '2026-12-03T22:00:00.000Z', 'postgres');
      INSERT INTO reports_fts (reportId, searchTokens) SELECT id, \(literal(vector))::tsvector
      FROM reports WHERE uid = 'seed';

      """
        + variable("phrase", SearchTokenizer.indexText("القَضَاءِ عَلى داعِش"))
        + variable("reversed", SearchTokenizer.indexText("داعش على القضاء"))
        + variable("exact_term", PostgresSchema.queryTerm(word, prefix: false, weights: "AB"))
        + variable(
          "clitic_term", PostgresSchema.queryTerm(ArabicClitics.withoutArticle(word), prefix: false, weights: "C"))
        + variable(
          "prefix_term", PostgresSchema.queryTerm(SearchTokenizer.indexText("المعلوم"), prefix: true, weights: "AB"))
  }
}
