import AnnotatorKit
import Foundation
import HashiyaModel

/// Bulk reads for comparing annotators (`agreement`), which look at every annotation of many
/// reports but only at a few of its columns.
extension PostgresProjectStore {
  /// The active annotations on `reportIDs` in `layers` (nil: all), adjudicated ones left out, in
  /// report and text order like `annotations(_:)`.
  public func annotationSpans(reportIDs: [Int], layers: [String]?) throws(StoreError) -> [AnnotationSpan] {
    guard !reportIDs.isEmpty else { return [] }
    return try read("list annotations") { connection in
      // Annotations share a handful of attribute objects, so each distinct text is parsed once.
      var parsed: [String: JSONObject] = [:]
      return try connection.rows(
        """
        SELECT a.id, a.reportId, a.layer, a.label, a.start, a."end", a.attributes, a.author, a.fragments
        FROM annotations a WHERE \(Self.comparedCondition)
        ORDER BY a.reportId, a.start, a."end", a.id
        """, Self.comparedValues(reportIDs, layers)
      ).map { row throws(StoreError) in
        let id = try row.int(0, "an annotation")
        let what = "annotation #\(id)"
        let start = try row.int(4, what)
        let end = try row.int(5, what)
        guard start >= 0, end > start else {
          throw .damaged(what: what, reason: "its offsets \(start)..\(end) are not a span")
        }
        let attributesText = try row.text(6, what)
        let attributes: JSONObject
        if let known = parsed[attributesText] {
          attributes = known
        } else {
          attributes = try Annotation.storedAttributes(attributesText, of: what)
          parsed[attributesText] = attributes
        }
        var span = AnnotationSpan(
          id: id, reportID: try row.int(1, what), layer: try row.text(2, what), label: try row.text(3, what),
          range: TextRange(start, end), attributes: attributes, author: try row.text(7, what))
        span.fragments = try Annotation.storedFragments(row.optionalText(8), after: span.range, of: what).map(\.range)
        return span
      }
    }
  }

  /// Active links starting at an annotation `annotationSpans(reportIDs:layers:)` returns, in id order.
  public func linksFromSpans(reportIDs: [Int], layers: [String]?) throws(StoreError) -> [AnnotationLink] {
    guard !reportIDs.isEmpty else { return [] }
    return try read("list links") { connection in
      try connection.rows(
        """
        SELECT l.* FROM links l JOIN annotations a ON a.id = l.fromId
        WHERE l.status = 'active' AND \(Self.comparedCondition) ORDER BY l.id
        """, Self.comparedValues(reportIDs, layers)
      ).map(PostgresRecords.link)
    }
  }

  /// The texts of `ids`, in the order of `ids`; missing ids are skipped.
  public func reportTexts(ids: [Int]) throws(StoreError) -> [(id: Int, text: String)] {
    try reports(ids: ids).map { ($0.id, $0.text) }
  }

  /// The word tokens of `ids` (see `TokenBoundaries`), by id; missing ids are skipped. Read from
  /// what import recorded; a report without a usable record has its text segmented instead.
  public func reportTokens(ids: [Int]) throws(StoreError) -> [Int: [TextRange]] {
    guard !ids.isEmpty else { return [:] }
    return try read("read report tokens") { connection in
      let result = try connection.execute(
        """
        SELECT r.id, r.length, t.boundaries FROM reports r LEFT JOIN reportTokens t ON t.reportId = r.id
        WHERE r.id = ANY($1::bigint[]) ORDER BY r.id
        """, [.ints(ids)])
      var tokens: [Int: [TextRange]] = [:]
      var unrecorded: [Int] = []
      for (index, row) in PostgresRow.all(result).enumerated() {
        let id = try row.int(0, "a report")
        let length = try row.int(1, "report #\(id)")
        let decoded = try result.data(index, 2).flatMap { data in
          data.withUnsafeBytes { TokenBoundaries.decode($0, length: length) }
        }
        if let decoded { tokens[id] = decoded } else { unrecorded.append(id) }
      }
      if !unrecorded.isEmpty {
        for row in try connection.rows("SELECT id, text FROM reports WHERE id = ANY($1::bigint[])", [.ints(unrecorded)])
        {
          let id = try row.int(0, "a report")
          tokens[id] = TokenBoundaries.tokens(of: try row.text(1, "report #\(id)"))
        }
      }
      return tokens
    }
  }

  /// Who annotated which labels of which layers among the annotations
  /// `annotationSpans(reportIDs:layers:)` returns, each combination once.
  public func comparedLabels(reportIDs: [Int], layers: [String]?) throws(StoreError) -> [(
    layer: String, label: String, author: String
  )] {
    guard !reportIDs.isEmpty else { return [] }
    return try read("list annotation labels") { connection in
      let seen = try connection.rows(
        "SELECT DISTINCT a.layer, a.label, a.author FROM annotations a WHERE \(Self.comparedCondition)",
        Self.comparedValues(reportIDs, layers)
      ).map { row throws(StoreError) in
        [
          try row.text(0, "an annotation's layer"), try row.text(1, "an annotation's label"),
          try row.text(2, "an annotation's author"),
        ]
      }
      // Sorted here, not by the server, so the order is the file's whatever the database's collation.
      return seen.sorted { $0.lexicographicallyPrecedes($1) }.map { (layer: $0[0], label: $0[1], author: $0[2]) }
    }
  }

  /// Which annotations take part in a comparison, for a statement over `annotations a`: reports
  /// `$1`, layers `$2` (NULL: all); the values come from `comparedValues`.
  private static let comparedCondition = """
    a.reportId = ANY($1::bigint[]) AND a.status = 'active' AND a.origin != 'adjudicated'
      AND ($2::text[] IS NULL OR a.layer = ANY($2::text[]))
    """

  private static func comparedValues(_ reportIDs: [Int], _ layers: [String]?) -> [PostgresValue?] {
    [.ints(reportIDs), layers.map(PostgresValue.texts)]
  }
}
