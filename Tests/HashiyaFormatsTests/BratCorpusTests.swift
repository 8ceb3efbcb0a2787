import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

/// brat corpora from elsewhere: events, the nearest `annotation.conf`, annotator folders.
@Suite("brat corpora: events, configuration, annotators")
struct BratCorpusTests {
  /// Arabic with diacritics, an emoji outside the BMP and a CRLF line end.
  static let text = "أعلنَ الرئيسُ 👋🏽 أنّ الحربَ انتهت\r\nوقالَ الوزيرُ: نعم 🎉"

  static let conf = """
    [entities]
    Person
    Quote
    [relations]
    Said-by\tArg1:Quote, Arg2:Person
    [events]
    Statement\tSpeaker:Person, Topic*:Quote
    [attributes]
    Negated\tArg:<EVENT>
    Confidence\tArg:Statement|Quote, Value:1|2|High
    """

  /// `T` line for the `occurrence`-th `needle` in the text.
  static func t(_ id: Int, _ label: String, _ needle: String, occurrence: Int = 0) -> String {
    let range = ExchangeFixtures.range(of: needle, in: text, occurrence: occurrence)
    return "T\(id)\t\(label) \(range.start) \(range.end)\t\(needle)\n"
  }

  static let entities =
    t(1, "Person", "الرئيسُ") + t(2, "Statement", "أعلنَ") + t(3, "Quote", "الحربَ انتهت") + t(4, "Quote", "نعم 🎉")
    + t(5, "Person", "الوزيرُ")

  private func corpus(_ ann: String, conf: String? = Self.conf, in sub: String = "") -> String {
    let root = ExchangeFixtures.temporaryFolder()
    let folder = sub.isEmpty ? root : root + "/" + sub
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    if let conf { ExchangeFixtures.write(conf, to: root + "/annotation.conf") }
    ExchangeFixtures.write(Self.text, to: folder + "/doc.txt")
    ExchangeFixtures.write(ann, to: folder + "/doc.ann")
    return root
  }

  /// Reads `path` as an import would, with `known` layers, returning the schemas handed over too.
  private func read(_ path: String, layer: String? = nil, known: [String: LayerSchema] = [:], schemaPath: String? = nil)
    throws -> (reports: [ImportedReport], errors: [FormatError], schemas: [LayerSchema])
  {
    var reports: [ImportedReport] = []
    var errors: [FormatError] = []
    var schemas: [LayerSchema] = []
    let request = ReadRequest(layer: layer, knownSchemas: known, schemaPath: schemaPath) { handed in
      #expect(reports.isEmpty, "schemas come before the reports that use them")
      schemas += handed
    }
    try BratReader.read(path: path, request: request, onBadRecord: { errors.append($0) }) { reports.append($0) }
    return (reports, errors, schemas)
  }

  private func link(_ report: ImportedReport, _ link: ImportedLink) -> String {
    let quote = { (key: String) in report.annotations.first { $0.key == key }?.quote ?? "?" }
    return "\(link.type) \(quote(link.from)) → \(quote(link.to))"
  }

  @Test func anEventIsItsTriggerWithALinkPerArgument() throws {
    let ann =
      Self.entities + "E1\tStatement:T2 Speaker:T1 Topic:T3 Topic2:T4\r\nE2\tStatement:T2 Speaker:T5\n"
      + "A1\tNegated E1\nA2\tConfidence E2 High\nA3\tConfidence T3 2\n#1\tAnnotatorNotes E1\tقالها مرتين\n"
      + "R1\tSaid-by Arg1:T4 Arg2:T5\n"
    let (reports, errors, schemas) = try read(corpus(ann))
    #expect(errors.isEmpty, "\(errors)")
    let report = try #require(reports.first)
    #expect(report.annotations.map(\.key) == ["T1", "T2", "T3", "T4", "T5", "E2"])
    let trigger = try #require(report.annotations.first { $0.key == "T2" })
    #expect(trigger.label == "Statement" && trigger.location == "doc.ann:E1" && trigger.handle == 2)
    #expect(trigger.attributes["Negated"] == true && trigger.note == "قالها مرتين")
    // A second event on the same trigger keeps its own arguments and attributes.
    let second = try #require(report.annotations.first { $0.key == "E2" })
    #expect(second.range == trigger.range && second.handle == nil && second.attributes["Confidence"] == "High")
    // A value list makes "2" a choice, not a number.
    #expect(report.annotations.first { $0.key == "T3" }?.attributes["Confidence"] == "2")
    #expect(
      report.links.map { link(report, $0) } == [
        "Speaker أعلنَ → الرئيسُ", "Topic أعلنَ → الحربَ انتهت", "Topic أعلنَ → نعم 🎉", "Speaker أعلنَ → الوزيرُ",
        "Said-by نعم 🎉 → الوزيرُ",
      ])
    #expect(report.location == "doc.txt")
    #expect(schemas.count == 1 && schemas.first?.label("Statement")?.eventRoles?.map(\.name) == ["Speaker", "Topic"])
    // Every annotation passes the schema derived from the configuration.
    let schema = try #require(schemas.first)
    let checked = try AnnotatedImport.checked(report, schemas: [schema.layer: schema]) { throw $0 }
    #expect(checked.annotations.count == 6)
  }

  @Test func anEventArgumentThatIsAnEventLinksToItsTriggerWhereverItIsDefined() throws {
    let ann =
      Self.entities + Self.t(6, "Statement", "وقالَ") + "E1\tStatement:T2 Topic:E2\nE2\tStatement:T6 Speaker:T5\n"
    let (reports, errors, _) = try read(corpus(ann))
    #expect(errors.isEmpty, "\(errors)")
    let report = try #require(reports.first)
    #expect(report.links.map { link(report, $0) } == ["Topic أعلنَ → وقالَ", "Speaker وقالَ → الوزيرُ"])
  }

  @Test(arguments: [
    ("E1\tStatement:T2 Speaker:T9\n", "doc.ann:E1", "T9"),
    ("E1\tQuote:T2 Speaker:T1\n", "doc.ann:E1", "differs from its trigger"),
    ("E1\tStatement:T8\n", "doc.ann:E1", "no trigger"),
    ("E1\tStatement:T2 Speaker\n", "doc.ann:E1", "expected"),
    ("E1\tStatement:T2\nE1\tStatement:T2\n", "doc.ann:E1", "twice"),
    ("N1\tReference T1 Wikidata:Q1\n", "doc.ann:N1", "normalisations"),
  ])
  func anEventThatCannotBeImportedIsABadRecordByItsId(line: String, location: String, reason: String) throws {
    let (reports, errors, _) = try read(corpus(Self.entities + line))
    #expect(errors.count == 1, "\(errors)")
    #expect(errors.first?.location == location)
    #expect(errors.first?.reason.contains(reason) == true, "\(errors)")
    #expect(reports.first?.links.isEmpty == true)
  }

  @Test func anEventOfATypeTheLayerLacksIsNamedByItsId() throws {
    let ann = Self.entities.replacingOccurrences(of: "Statement", with: "Vote") + "E1\tVote:T2 Speaker:T1\n"
    let (reports, errors, schemas) = try read(corpus(ann))
    #expect(errors.isEmpty)
    let schema = try #require(schemas.first)
    var refused: [FormatError] = []
    _ = try AnnotatedImport.checked(try #require(reports.first), schemas: [schema.layer: schema]) { refused.append($0) }
    #expect(refused.map(\.location) == ["doc.ann:E1"], "\(refused)")
  }

  @Test func theNearestConfigurationAboveTheDataNamesTheLayer() throws {
    let root = corpus(Self.entities, in: "train/part")
    let (reports, errors, schemas) = try read(root + "/train")
    #expect(errors.isEmpty, "\(errors)")
    let layer = (root as NSString).lastPathComponent
    #expect(schemas.map(\.layer) == [layer])
    #expect(reports.count == 1 && reports[0].annotations.allSatisfy { $0.layer == layer && $0.author == nil })
    #expect(reports[0].location == "part/doc.txt")
    // --layer names it instead; a layer the session knows keeps its own schema.
    #expect(try read(root, layer: "claims").schemas.map(\.layer) == ["claims"])
    let known = LayerSchema(layer: "claims", description: "", labels: [LabelSchema(name: "Person", description: "")])
    let withKnown = try read(root, layer: "claims", known: ["claims": known])
    #expect(withKnown.schemas.isEmpty && withKnown.reports[0].annotations.allSatisfy { $0.layer == "claims" })
  }

  @Test func schemaOptionReplacesTheConfigurationBesideTheData() throws {
    let root = corpus(Self.entities + "E1\tStatement:T2\n", conf: "[entities]\nPerson\n")
    let other = ExchangeFixtures.temporaryFolder() + "/attribution.conf"
    ExchangeFixtures.write(Self.conf, to: other)
    let (_, _, schemas) = try read(root, schemaPath: other)
    #expect(schemas.map(\.layer) == ["attribution"])
    #expect(schemas.first?.label("Statement") != nil)
    #expect(throws: FormatError.self) { _ = try read(root, schemaPath: other + ".missing") }
  }

  @Test func annotatorFoldersNamedInTheConfigurationGiveTheAuthor() throws {
    let root = corpus(
      Self.entities, conf: "# annotator: lina %D9%84%D9%8A%D9%86%D8%A7%20%D9%85\n" + Self.conf, in: "lina")
    try FileManager.default.createDirectory(atPath: root + "/other", withIntermediateDirectories: true)
    ExchangeFixtures.write(Self.text, to: root + "/other/doc.txt")
    ExchangeFixtures.write(Self.t(1, "Person", "الوزيرُ"), to: root + "/other/doc.ann")
    let (reports, errors, _) = try read(root)
    #expect(errors.isEmpty, "\(errors)")
    #expect(reports.map(\.location) == ["lina/doc.txt", "other/doc.txt"])
    #expect(reports[0].annotations.allSatisfy { $0.author == "لينا م" })
    // A folder the configuration does not name is the importing user's, whatever it is called.
    #expect(reports[1].annotations.allSatisfy { $0.author == nil })
    // One annotator's folder read on its own is still theirs.
    #expect(try read(root + "/lina/doc.ann").reports.first?.annotations.first?.author == "لينا م")
  }

  @Test func annotatorFolderNamesStayInsideAndApart() {
    var taken: Set<String> = []
    let authors = [
      "../../etc", ".hidden", "a/b", "\u{202E}evil", "", "_", "لينا", "لِينَا م", "لينا", "x\u{0}y",
      String(repeating: "ب\u{0651}\u{064E}", count: 200),
    ]
    for author in authors {
      let name = BratFileName.folder(author: author, taken: taken)
      #expect(!taken.contains(name), "\(author)")
      taken.insert(name)
      #expect(!name.isEmpty && name.utf8.count <= BratFileName.maxLength + 4, "\(author)")
      #expect(!name.hasPrefix(".") && !name.contains("/") && !name.contains("."), "\(name)")
      #expect(
        name.unicodeScalars.allSatisfy { !$0.properties.isWhitespace && $0.properties.generalCategory != .format })
    }
    #expect(BratFileName.folder(author: "لِينَا م", taken: []) == "لِينَا_م")
    #expect(BratFileName.folder(author: "لينا", taken: ["لينا"]) == "لينا-2")
  }

  @Test func exportWritesEventsAsTheyCameAndDeclaresThem() throws {
    let root = corpus(
      Self.entities + "E2\tStatement:T2 Speaker:T1 Topic:T3 Topic2:T4\nA1\tNegated E2\nR7\tSaid-by Arg1:T4 Arg2:T5\n")
    let (reports, _, schemas) = try read(root)
    let schema = try #require(schemas.first)
    let report = try #require(reports.first)
    let ids = Dictionary(uniqueKeysWithValues: report.annotations.map { ($0.key, $0.handle ?? 0) })
    let annotations = report.annotations.map { imported in
      Annotation(
        id: imported.handle ?? 0, uuid: imported.key, reportID: 1, layer: imported.layer, label: imported.label,
        range: imported.range, quote: imported.quote ?? "", attributes: imported.attributes, author: "amira",
        origin: "manual", status: .active, createdAt: "", updatedAt: "")
    }
    let links = report.links.enumerated().map { number, link in
      AnnotationLink(
        id: 7 + number, uuid: "l\(number)", type: link.type, fromID: ids[link.from] ?? 0, toID: ids[link.to] ?? 0,
        author: "amira", status: .active, createdAt: "")
    }
    let ann = BratExporter.annotationLines(
      annotations, links: links, text: ReportText(Self.text), noteAttribute: { _ in "note" },
      eventRoles: { annotation in
        schema.label(annotation.label)?.eventRoles.map { Set($0.map(\.name)) }
      })
    #expect(ann.contains("E2\tStatement:T2 Speaker:T1 Topic:T3 Topic2:T4\n"), "\(ann)")
    #expect(ann.contains("A1\tNegated E2\n"))
    #expect(ann.contains("\tSaid-by Arg1:T4 Arg2:T5\n"))
    #expect(!ann.contains("Speaker Arg1"))
    let conf = BratConfiguration.text(for: [schema])
    #expect(conf.contains("[events]\n# layer: \(schema.layer)\nStatement\tSpeaker:Person, Topic*:Quote\n"), "\(conf)")
    #expect(!conf.contains("Speaker\tArg1"))
  }
}
