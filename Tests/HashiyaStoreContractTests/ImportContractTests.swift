import AnnotatorKit
import AnnotatorTesting
import HashiyaModel
import Testing

/// What an import of many reports leaves in every store: the same reports under the same ids,
/// the same duplicates and clashes, the same search results, and nothing when it fails.
@Suite struct ImportContractTests {
  let folder = TemporaryFolder()
  /// Reports the server writes in one COPY, which the tests cross; the file has no chunks.
  static let serverChunk = 2_000

  /// Reports enough to fill more than one chunk of a bulk import, with the texts a writer must
  /// carry unchanged: diacritics, emoji outside the BMP, CRLF, tabs, backslashes (also as `\N`,
  /// COPY's NULL), and repeats of earlier texts near and far.
  static func corpus(count: Int, salt: String) -> [NewReport] {
    (0..<count).map { index in
      let body: String
      switch index % 5 {
      case 0: body = "قالَ المتحدِّثُ باسمِ التحالفِ \(index) إنّ الهجومَ بدأ فجراً."
      case 1: body = "تقرير 👩🏽‍💻 \(index)\r\nثم 🇸🇾 قسد\tبعد الظهر."
      case 2: body = "مسار C:\\reports\\\(index) و \\N و \\x41 ليس بايتات."
      case 3: body = index % 10 == 3 ? "نصٌّ مكرَّر \(index % 4)" : SeedReport.text + " \(index)"
      default: body = "وصلَ الوفدُ \(index) إلى حلب؛ «بيان» رقم \(index)."
      }
      return NewReport(
        uid: index % 7 == 0 ? "\(salt)-report-\(index)" : nil, title: "تقريرُ \(index) \(salt)",
        text: body, language: "ar", source: index % 2 == 0 ? "وكالة \\ مصدر" : nil,
        url: index % 3 == 0 ? "https://example.org/\(index)?q=a\tb" : nil,
        published: index % 4 == 0 ? "2024-03-0\(index % 9 + 1)" : nil,
        metadataJSON: index % 6 == 0 ? "{\"note\":\"سطر\\nثان\"}" : "{}", hadBOM: index % 11 == 0)
    }
  }

  /// What each insert answered, as text, for comparing backends.
  static func importing(_ reports: [NewReport], into store: any ProjectStoring, source: String) throws
    -> (outcome: ImportOutcome, answers: [String])
  {
    var answers: [String] = []
    let outcome = try store.importReports(author: "lead", source: source) { inserter in
      for report in reports {
        do {
          answers.append("\(try inserter.insert(report))")
        } catch let error as StoreError {
          guard case .uidConflict(let uid, let existing) = error else { throw error }
          answers.append("uidConflict \(uid) \(existing)")
        }
      }
    }
    return (outcome, answers)
  }

  /// The reports of `store` without the import time, which differs between runs.
  static func reports(_ store: any ProjectStoring) throws -> [Report] {
    try store.reports(ids: store.reportIDs()).map { report in
      var report = report
      report.importedAt = ""
      return report
    }
  }

  @Test(.enabled(if: PostgresCluster.isAvailable))
  func theServerImportsAsTheFileDoes() throws {
    let stores = try [StoreBackend.file, .server].map { try $0.freshStore(in: folder) }
    let first = Self.corpus(count: 4_300, salt: "a")
    // A second import repeats texts and uids of the first and brings new ones.
    var second = Self.corpus(count: 60, salt: "b") + Array(first[100..<140])
    second.append(NewReport(uid: "a-report-7", title: "clash", text: "نص آخر تماماً", language: "ar"))
    let results = try stores.map { store in
      [
        try Self.importing(first, into: store, source: "first"),
        try Self.importing(second, into: store, source: "second"),
      ]
    }
    let file = results[0]
    let server = results[1]
    #expect(file[0].outcome.added.count > Self.serverChunk)
    #expect(file[1].outcome.duplicates.count >= 40)
    #expect(file[1].answers.contains { $0.contains("uidConflict") })
    for round in 0..<2 {
      #expect(server[round].answers == file[round].answers)
      #expect(server[round].outcome.added == file[round].outcome.added)
      #expect(server[round].outcome.duplicates == file[round].outcome.duplicates)
    }
    let fileReports = try Self.reports(stores[0])
    #expect(fileReports.count == file[0].outcome.added.count + file[1].outcome.added.count)
    #expect(try Self.reports(stores[1]) == fileReports)
    for query in ["المتحدث", "قسد", "حلب بيان", "\"وصل الوفد\"", "reports", "مكرر", "ليس"] {
      // Ranking differs between the backends' engines; what is found must not.
      let found = try stores.map { store in
        let results = try store.search(query, limit: 5_000)
        return [results.total] + results.hits.map(\.id).sorted()
      }
      #expect(found[0].count > 1, "\(query)")
      #expect(found[1] == found[0], "\(query)")
    }
    let events = try stores.map { try $0.recentEvents(limit: 10).map { [$0.action, $0.entity, $0.after ?? ""] } }
    #expect(events[1] == events[0])
  }

  @Test(arguments: StoreBackend.available)
  func aClashingUIDIsReportedWithTheReportHoldingIt(_ backend: StoreBackend) throws {
    let store = try backend.freshStore(in: folder)
    try store.importReports(author: "lead", source: "one") {
      try $0.insert(NewReport(uid: "shared", title: "أول", text: "نصٌّ أوّل 🇸🇾", language: "ar"))
    }
    #expect(throws: StoreError.uidConflict(uid: "shared", existingID: 1)) {
      try store.importReports(author: "lead", source: "two") {
        try $0.insert(NewReport(uid: "shared", title: "ثان", text: "نصٌّ ثانٍ", language: "ar"))
      }
    }
    #expect(throws: StoreError.uidConflict(uid: "fresh", existingID: 2)) {
      try store.importReports(author: "lead", source: "three") { inserter in
        #expect(try inserter.insert(NewReport(uid: "fresh", title: "ج", text: "نص ج", language: "ar")) == .added(id: 2))
        try inserter.insert(NewReport(uid: "fresh", title: "د", text: "نص د", language: "ar"))
      }
    }
    #expect(try store.reportCount() == 1)
    let next = try store.importReports(author: "lead", source: "four") {
      try $0.insert(NewReport(title: "هـ", text: "نص هـ", language: "ar"))
    }
    // A failed import may use up ids on the server, as any failed insert does; never a taken one.
    #expect(try #require(next.added.first) >= 2)
  }

  @Test(arguments: StoreBackend.available)
  func anImportFailingAfterSeveralChunksKeepsNothing(_ backend: StoreBackend) throws {
    let store = try backend.freshStore(in: folder)
    struct Stop: Error {}
    #expect(throws: Stop.self) {
      try store.importReports(author: "lead", source: "big") { inserter in
        for report in Self.corpus(count: Self.serverChunk * 2 + 10, salt: "x") {
          try inserter.insert(report)
        }
        throw Stop()
      }
    }
    #expect(try store.reportCount() == 0)
    #expect(try store.search("المتحدث").total == 0)
    #expect(try store.recentEvents(limit: 5).isEmpty)
    let after = try store.importReports(author: "lead", source: "small") {
      try $0.insert(NewReport(title: "بعد", text: "نصٌّ بعدَ الفشل 😀", language: "ar"))
    }
    #expect(try store.report(id: try #require(after.added.first)).text == "نصٌّ بعدَ الفشل 😀")
    #expect(try store.search("الفشل").hits.map(\.id) == after.added)
  }
}
