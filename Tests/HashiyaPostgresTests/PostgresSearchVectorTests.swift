import AnnotatorKit
import AnnotatorTesting
import Foundation
import HashiyaModel
import HashiyaPostgres
import Testing

/// The search vector the store builds from its own tokens, against what the server's
/// `to_tsvector('simple', …)` makes of the same token texts.
@Suite struct PostgresSearchVectorTests {
  static func vector(_ title: String, _ text: String) -> String {
    PostgresSearchVector.text(PreparedReport(NewReport(title: title, text: text, language: "ar")))
  }

  @Test func weighsTheTitleTextAndCliticFormsAndCountsAcrossThem() {
    // "والكتاب" has the clitic forms "تاب" and "كتاب"; positions run on from the title into the text.
    #expect(
      Self.vector("كتاب جديد", "والكتاب قديم") == "'كتاب':1A,6C 'جديد':2A 'والكتاب':3B 'قديم':4B 'تاب':5C")
  }

  @Test func quotesWhatTsvectorInputReadsAsSyntax() {
    let vector = PostgresSearchVector.text(
      title: Array("o'k".utf8), body: Array(#"a\b"#.utf8), clitics: [])
    #expect(vector == #"'o''k':1A 'a\\b':2B"#)
  }

  @Test func keepsAtMost255PositionsAWordAndClampsPositions() {
    let many = Array(repeating: "نعم", count: 300).joined(separator: " ")
    let vector = PostgresSearchVector.text(title: [], body: Array(many.utf8), clitics: [])
    #expect(vector.split(separator: ",").count == 255)
    let long = (1...20_000).map { "w\($0)" }.joined(separator: " ")
    let clamped = PostgresSearchVector.text(title: [], body: Array(long.utf8), clitics: [])
    #expect(clamped.contains("'w16383':16383B"))
    // Later words share the last position.
    #expect(clamped.contains("'w20000':16383B"))
  }

  @Test func leavesOutWordsTooLongToIndex() {
    let word = String(repeating: "ب", count: 1_100)
    #expect(PostgresSearchVector.text(title: [], body: Array("\(word) بعد".utf8), clitics: []) == "'بعد':1B")
  }

  /// Texts with diacritics, emoji and other characters outside the BMP, CRLF line ends, and the
  /// day of real news when it is beside the checkout.
  static func texts() throws -> [(String, String)] {
    var texts = [
      ("التحالف الدولي يؤكد استمرار دعمهم لقسد", SeedReport.text),
      ("نصٌّ 🇸🇾 مع رموز", "سطرٌ أوّل 👩🏽‍💻 𝔸𝕓𝕔\r\nوالثاني 𓀀 بالأرقام ١٢٣ و 456\r\n"),
      ("Mixed ÉCOLE", "o'k \\ back\\slash"),
      ("", Array(repeating: "نعم", count: 300).joined(separator: " ")),
      ("كلمات", (1...20_000).map { "w\($0)" }.joined(separator: " ")),
    ]
    let corpus = HashiyaCorpus.saudiNewsNet
    if FileManager.default.fileExists(atPath: corpus) {
      let lines = try String(contentsOfFile: corpus, encoding: .utf8).split(separator: "\n").prefix(200)
      for line in lines {
        if let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] {
          texts.append(((object["title"] as? String) ?? "", (object["text"] as? String) ?? ""))
        }
      }
    } else {
      print("PostgresSearchVectorTests: the Arabic news corpus is not at \(corpus); checking the built-in texts")
    }
    return texts
  }

  @Test(.enabled(if: PostgresCluster.isAvailable))
  func equalsWhatTheServerMakesOfTheSameTokens() throws {
    let connection = try PostgresTestDatabase().connect()
    var compared = 0
    for (title, text) in try Self.texts() {
      let prepared = PreparedReport(NewReport(title: title, text: text, language: "ar"))
      let result = try connection.execute(
        """
        SELECT $1::tsvector = setweight(to_tsvector('simple', $2), 'A')
          || setweight(to_tsvector('simple', $3), 'B') || setweight(to_tsvector('simple', $4), 'C')
        """,
        [
          .text(PostgresSearchVector.text(prepared)), .text(String(decoding: prepared.indexTitle, as: UTF8.self)),
          .text(String(decoding: prepared.indexText, as: UTF8.self)),
          .text(String(decoding: prepared.indexClitics, as: UTF8.self)),
        ])
      #expect(try result.bool(0, 0) == true, "the vectors differ for \(title.debugDescription)")
      compared += 1
    }
    #expect(compared >= 3)
  }
}
