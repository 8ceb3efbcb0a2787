import AnnotatorKit
import AnnotatorTesting
import HashiyaModel
import HashiyaStore
import Testing

/// An annotated import writes the same rows on either backend: identity kept where the file
/// gives it, a repeat changing nothing, and nothing kept of an import that fails.
@Suite struct AnnotatedImportContractTests {
  let folder = TemporaryFolder()
  static let text = "أكد “كيفين كويثي” 👩🏽‍💻 أنّ الدعمَ مستمرّ\r\nحتى النهاية."

  static func annotation(
    _ uuid: String, handle: Int? = nil, label: String = "speaker", _ start: Int, _ end: Int, _ quote: String
  ) -> ImportedAnnotation {
    ImportedAnnotation(
      key: uuid, uuid: uuid, handle: handle, layer: "speaker-tagging", label: label, range: TextRange(start, end),
      quote: quote, attributes: ["role": .string("المتحدث")], author: "amal", origin: "manual",
      createdAt: "2026-01-01T00:00:00.000Z", location: "f:1")
  }

  /// A report with two annotations (one with its handle), a link between them and a review.
  static var imported: ImportedReport {
    ImportedReport(
      report: NewReport(uid: "r1", title: "تقرير", text: text, language: "ar"),
      annotations: [
        annotation("u-1", handle: 7, 5, 16, "كيفين كويثي"), annotation("u-2", label: "quote", 0, 3, "أكد"),
      ],
      links: [ImportedLink(uuid: "l-1", type: "said-by", from: "u-2", to: "u-1")],
      reviews: [ImportedReview(uuid: "v-1", annotation: "u-1", reviewer: "lead", verdict: .approve)],
      location: "f:1")
  }

  @Test(arguments: StoreBackend.available)
  func keepsIdentityAndARepeatChangesNothing(_ backend: StoreBackend) throws {
    let store = try backend.freshStore(in: folder)
    let outcome = try store.importAnnotated(author: "lead") { try $0.add(Self.imported) }
    #expect(outcome.annotations == 2 && outcome.links == 1 && outcome.reviews == 1)
    #expect(outcome.reportsAdded == [1])
    let kept = try store.annotation(id: 7)
    #expect(kept.uuid == "u-1" && kept.author == "amal" && kept.createdAt == "2026-01-01T00:00:00.000Z")
    #expect(kept.quote == "كيفين كويثي")
    // A new handle comes after the file's.
    #expect(try store.annotations(AnnotationFilter()).first { $0.uuid == "u-2" }?.id == 8)
    let again = try store.importAnnotated(author: "lead") { try $0.add(Self.imported) }
    #expect(again.annotations == 0 && again.alreadyPresent == 4)
    #expect(again.reportsMatched == [1])
    #expect(try store.annotations(AnnotationFilter()).count == 2)
    let events = try store.recentEvents(limit: 10).map { "\($0.action) \($0.entity) \($0.after ?? "")" }
    #expect(events.contains(#"import annotations {"source":"f:1","annotations":["u-1","u-2"]}"#))
    #expect(events.contains(#"import reports {"reports":[1]}"#))
  }

  @Test(arguments: StoreBackend.available)
  func anAnnotationWhoseHandleIsTakenKeepsItsUUIDUnderANewHandle(_ backend: StoreBackend) throws {
    let store = try backend.freshStore(in: folder)
    try store.importAnnotated(author: "lead") { try $0.add(Self.imported) }
    var other = Self.imported
    other.report = NewReport(uid: "r2", title: "آخر", text: "نصٌّ آخر 🇸🇾 أكد", language: "ar")
    other.annotations = [Self.annotation("u-3", handle: 7, 0, 3, "نصٌ")]
    other.links = []
    other.reviews = []
    let outcome = try store.importAnnotated(author: "lead") { try $0.add(other) }
    #expect(outcome.annotations == 1 && outcome.alreadyPresent == 0)
    let moved = try #require(try store.annotations(AnnotationFilter()).first { $0.uuid == "u-3" })
    #expect(moved.id == 9)
    #expect(try store.annotation(id: 7).uuid == "u-1")
  }

  @Test(arguments: StoreBackend.available)
  func aFailingImportKeepsNothing(_ backend: StoreBackend) throws {
    let store = try backend.freshStore(in: folder)
    var broken = Self.imported
    broken.links = [ImportedLink(type: "said-by", from: "u-2", to: "nowhere")]
    #expect(throws: StoreError.unknownAnnotationKey("nowhere", location: "f:1")) {
      try store.importAnnotated(author: "lead") { try $0.add(broken) }
    }
    // An empty range passes no check of the store's own: the table's constraint refuses it.
    var empty = Self.imported
    empty.annotations[1].range = TextRange(4, 4)
    empty.links = []
    empty.reviews = []
    #expect(throws: StoreError.self) { try store.importAnnotated(author: "lead") { try $0.add(empty) } }
    #expect(try store.reportCount() == 0)
    #expect(try store.annotations(AnnotationFilter()).isEmpty)
    #expect(try store.recentEvents(limit: 5).isEmpty)
  }

  @Test(arguments: StoreBackend.available)
  func aUIDNamingAnotherTextIsRefused(_ backend: StoreBackend) throws {
    let store = try backend.freshStore(in: folder)
    try store.importReports(author: "lead", source: "s") {
      try $0.insert(NewReport(uid: "r1", title: "t", text: "نص ثانٍ", language: "ar"))
    }
    #expect(throws: StoreError.reportTextDiffers(uid: "r1", existingID: 1)) {
      try store.importAnnotated(author: "lead") { try $0.add(Self.imported) }
    }
    #expect(try store.reportCount() == 1)
  }

  /// More annotations than the server writes at once: first some repeated, without handles
  /// (written through the server's staging table), then all new, some with handles (straight
  /// by COPY). Both backends give the same handles and keep the same rows.
  @Test func bothBackendsWriteTheSameRows() throws {
    guard StoreBackend.available.contains(.server) else { return }
    var rows: [[[String: StoredValue]]] = []
    for backend in StoreBackend.available {
      let store = try backend.freshStore(in: TemporaryFolder())
      for pass in ["a", "b"] {
        try store.importAnnotated(author: "lead") { inserter in
          for number in 0..<700 {
            let text = "تقرير رقم \(number): قال المتحدث 👩🏽‍💻 شيئاً\r\nثم مضى."
            let annotations = (0..<8).map { index in
              ImportedAnnotation(
                key: "k\(number)-\(index)", uuid: pass == "a" ? "a\(number)-\(index % 7)" : "b\(number)-\(index)",
                handle: pass == "b" && index == 0 ? 100_000 + number : nil, layer: "speaker-tagging", label: "speaker",
                range: TextRange(index, index + 3),
                quote: String(Array(text.unicodeScalars)[index..<index + 3].map(Character.init)),
                createdAt: "2026-01-01T00:00:00.000Z", location: "f:\(number)")
            }
            try inserter.add(
              ImportedReport(
                report: NewReport(uid: "u\(number)", title: "ت \(number)", text: text, language: "ar"),
                annotations: annotations, location: "f:\(number)"))
          }
        }
      }
      var table: [[String: StoredValue]] = []
      try store.forEachTableChunk { chunk in
        guard chunk.table == "annotations" else { return }
        let names = chunk.columns.map { $0.lowercased() }
        table += chunk.rows.map { Dictionary(uniqueKeysWithValues: zip(names, $0)) }
      }
      #expect(table.count == 700 * 7 + 700 * 8)
      rows.append(table)
    }
    // Row by row, so a difference reads as one row, not two tables.
    for (file, server) in zip(rows[0], rows[1]) where file != server {
      Issue.record("the backends differ: \(file) on a file, \(server) on the server")
      break
    }
  }
}
