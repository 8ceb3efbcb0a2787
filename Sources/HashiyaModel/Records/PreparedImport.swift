import AnnotatorKit

/// An imported report made ready to write: its text's derived values and each annotation's JSON
/// columns, computed off the writing thread.
public struct PreparedImport: Sendable {
  /// The report without what is already worked out into columns (its analysed text, the
  /// annotations' attribute objects): those are released on the preparing thread, so the
  /// writing thread, which the import waits on, never spends time freeing them.
  package let imported: ImportedReport
  package let report: PreparedReport
  /// `attributes` of each annotation, in order, as the JSON text the column holds.
  package let attributesJSON: [String]
  /// `provenance` of each annotation, in order: a JSON array text, or nil when it has none.
  package let provenanceJSON: [String?]

  /// Candidates of the file left out of this report (see `ImportedReport.suggestionsLeftOut`).
  public var suggestionsLeftOut: Int { imported.suggestionsLeftOut }

  public init(_ imported: ImportedReport) {
    report = PreparedReport(imported.report, analysed: imported.analysedText)
    attributesJSON = imported.annotations.map { JSONWriter.string(.object($0.attributes)) }
    provenanceJSON = imported.annotations.map {
      $0.provenance.isEmpty ? nil : JSONWriter.string(.array($0.provenance.map(JSONValue.string)))
    }
    var lean = imported
    lean.analysedText = nil
    for index in lean.annotations.indices {
      lean.annotations[index].attributes = [:]
      lean.annotations[index].provenance = []
    }
    self.imported = lean
  }
}
