import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore

/// Brings a teammate's project file in through the same checks an annotated import makes.
///
/// A teammate's file is data like any other: each annotation must lie inside its report's text
/// on character edges, cover the quote it records, and use a layer and label the schemas know,
/// before a single row of it is written. Bad ones refuse the whole merge, or with `skipBad` are
/// left out (with their links, reviews and events) and listed.
public enum CheckedMerge {
  /// What a merge did, including what it left out.
  public struct Summary: Sendable {
    public var outcome: MergeOutcome
    public var skipped: [FormatError]
  }

  /// Merges `other` into `store`; `knownSchemas` are the layers the session knows.
  public static func run(
    from other: any ProjectStoring, into store: any ProjectStoring, author: String, knownSchemas: [String: LayerSchema],
    skipBad: Bool
  ) throws -> Summary {
    var schemas = knownSchemas
    for record in try other.layerRecords() where schemas[record.id] == nil {
      schemas[record.id] = try? LayerSchema(json: try JSONParser.parse(record.schemaJSON), layer: record.id)
    }
    let name = other.name
    var skipped: [FormatError] = []
    let outcome = try store.merge(from: other, author: author) { bundle in
      try checked(bundle, schemas: schemas, file: name) { error, _ in
        guard skipBad else { throw error }
        skipped.append(error)
      }
    }
    return Summary(outcome: outcome, skipped: skipped)
  }

  /// The bundle with only the annotations that pass annotated import's checks (the others go to
  /// `onBad` with their UUID), and the links and reviews between those.
  static func checked(
    _ bundle: ReportBundle, schemas: [String: LayerSchema], file: String,
    onBad: (FormatError, String) throws -> Void
  ) throws -> ReportBundle {
    let incoming = bundle.annotations.map { annotation in
      ImportedAnnotation(
        key: annotation.uuid, uuid: annotation.uuid, handle: annotation.id, layer: annotation.layer,
        label: annotation.label, range: annotation.range, quote: annotation.quote, attributes: annotation.attributes,
        author: annotation.author, origin: annotation.origin, status: annotation.status,
        createdAt: annotation.createdAt, updatedAt: annotation.updatedAt, provenance: annotation.provenance,
        location: "\(file) report #\(bundle.report.id) annotation #\(annotation.id)")
    }
    let kept = Set(
      try AnnotatedImport.passing(incoming, in: ReportText(bundle.report.text), schemas: schemas) { error, bad in
        try onBad(error, bad.key)
      }.map(\.key))
    var result = bundle
    result.annotations = bundle.annotations.filter { kept.contains($0.uuid) }
    if result.annotations.count != bundle.annotations.count {
      let kept = Set(result.annotations.map(\.id))
      result.links = bundle.links.filter { kept.contains($0.fromID) && kept.contains($0.toID) }
      result.reviews = bundle.reviews.filter { kept.contains($0.annotationID) }
    }
    return result
  }
}
