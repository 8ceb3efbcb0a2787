import AnnotatorKit

/// An imported report made ready to write: its text's derived values and each annotation's JSON
/// columns, computed off the writing thread.
public struct PreparedImport: Sendable {
  public let imported: ImportedReport
  let report: PreparedReport
  /// `attributes` of each annotation, in order, as the JSON text the column holds.
  let attributesJSON: [String]
  /// `provenance` of each annotation, in order: a JSON array text, or nil when it has none.
  let provenanceJSON: [String?]

  public init(_ imported: ImportedReport) {
    self.imported = imported
    report = PreparedReport(imported.report, length: imported.analysedText?.count)
    attributesJSON = imported.annotations.map { JSONWriter.string(.object($0.attributes)) }
    provenanceJSON = imported.annotations.map {
      $0.provenance.isEmpty ? nil : JSONWriter.string(.array($0.provenance.map(JSONValue.string)))
    }
  }
}
