import AnnotatorKit
import Foundation
import GRDB
import GRDBSQLite
import HashiyaModel

/// Bulk reads for comparing annotators (`agreement`), which look at every annotation of many
/// reports but only at a few of its columns.
extension ProjectStore {
  /// The active annotations on `reportIDs` in `layers` (nil: all), adjudicated ones left out, in
  /// report and text order like `annotations(_:)`.
  public func annotationSpans(reportIDs: [Int], layers: [String]?) throws(StoreError) -> [AnnotationSpan] {
    try read("list annotations") { db in
      let statement = try db.cachedStatement(
        sql: """
          SELECT a.id, a.reportId, a.layer, a.label, a.start, a."end", a.attributes, a.author, a.fragments
          FROM annotations a WHERE \(Self.comparedCondition(layers: layers))
          ORDER BY a.reportId, a.layer, a.start
          """)
      // Annotations share a handful of attribute objects, so each distinct text is parsed once.
      var parsed: [String: JSONObject] = [:]
      var layerNames = RepeatedStrings()
      var labels = RepeatedStrings()
      var attributeTexts = RepeatedStrings()
      var authors = RepeatedStrings()
      var spans: [AnnotationSpan] = []
      for run in Self.runs(of: reportIDs) {
        let rows = try Row.fetchCursor(statement, arguments: Self.comparedArguments(run, layers: layers))
        let columns = statement.sqliteStatement
        while let row = try rows.next() {
          let attributesText = attributeTexts.value(columns, 6)
          let attributes: JSONObject
          if let known = parsed[attributesText] {
            attributes = known
          } else {
            attributes = try Annotation.storedAttributes(
              attributesText, of: "an annotation of report #\(row[1] as DatabaseValue)")
            parsed[attributesText] = attributes
          }
          let id: Int = try row.checked(0, "an annotation")
          let start: Int = try row.checked(4, "annotation #\(id)")
          let end: Int = try row.checked(5, "annotation #\(id)")
          guard start >= 0, end > start else {
            throw StoreError.damaged(what: "annotation #\(id)", reason: "its offsets \(start)..\(end) are not a span")
          }
          var span = AnnotationSpan(
            id: id, reportID: try row.checked(1, "annotation #\(id)"), layer: layerNames.value(columns, 2),
            label: labels.value(columns, 3), range: TextRange(start, end), attributes: attributes,
            author: authors.value(columns, 7))
          span.fragments = try Annotation.storedFragments(
            try row.checked(8, "annotation #\(id)"), after: span.range, of: "annotation #\(id)"
          ).map(\.range)
          spans.append(span)
        }
      }
      // The index hands each report's rows over by layer, then start; putting them in text order
      // report by report is cheaper than SQLite sorting every row.
      var first = 0
      while first < spans.count {
        var end = first + 1
        while end < spans.count && spans[end].reportID == spans[first].reportID { end += 1 }
        spans[first..<end].sort { Self.inTextOrder(($0.range, $0.id), ($1.range, $1.id)) }
        first = end
      }
      return spans
    }
  }

  /// Active links starting at an annotation `annotationSpans(reportIDs:layers:)` returns, in id order.
  public func linksFromSpans(reportIDs: [Int], layers: [String]?) throws(StoreError) -> [AnnotationLink] {
    try read("list links") { db in
      let statement = try db.cachedStatement(
        sql: """
          SELECT l.* FROM links l JOIN annotations a ON a.id = l.fromId
          WHERE l.status = 'active' AND \(Self.comparedCondition(layers: layers)) ORDER BY l.id
          """)
      var links: [AnnotationLink] = []
      for run in Self.runs(of: reportIDs) {
        links += try Row.fetchAll(statement, arguments: Self.comparedArguments(run, layers: layers)).map(
          Self.link(from:))
      }
      return links.sorted { $0.id < $1.id }
    }
  }

  /// The texts of `ids`, in the order of `ids`; missing ids are skipped. Reads nothing else.
  public func reportTexts(ids: [Int]) throws(StoreError) -> [(id: Int, text: String)] {
    try read("read report texts") { db in
      let statement = try db.cachedStatement(sql: "SELECT id, text FROM reports WHERE id BETWEEN ? AND ? ORDER BY id")
      var byID: [Int: String] = [:]
      for run in Self.runs(of: ids) {
        let rows = try Row.fetchCursor(statement, arguments: [run.lowerBound, run.upperBound])
        while let row = try rows.next() {
          let id: Int = try row.checked(0, "a report")
          byID[id] = try row.checked(1, "report #\(id)")
        }
      }
      return ids.compactMap { id in byID[id].map { (id, $0) } }
    }
  }

  /// The word tokens of `ids` (see `TokenBoundaries`), by id; missing ids are skipped. Read from
  /// what import recorded; a report without a usable record has its text segmented instead.
  public func reportTokens(ids: [Int]) throws(StoreError) -> [Int: [TextRange]] {
    try read("read report tokens") { db in
      let statement = try db.cachedStatement(
        sql: """
          SELECT r.id, r.length, t.boundaries FROM reports r LEFT JOIN reportTokens t ON t.reportId = r.id
          WHERE r.id BETWEEN ? AND ? ORDER BY r.id
          """)
      let columns = statement.sqliteStatement
      var tokens: [Int: [TextRange]] = [:]
      var unrecorded: [Int] = []
      for run in Self.runs(of: ids) {
        let rows = try Row.fetchCursor(statement, arguments: [run.lowerBound, run.upperBound])
        while let row = try rows.next() {
          let id: Int = try row.checked(0, "a report")
          let length: Int = try row.checked(1, "report #\(id)")
          // The blob is read where SQLite holds it, without a copy per report.
          let count = Int(sqlite3_column_bytes(columns, 2))
          let decoded = sqlite3_column_blob(columns, 2).flatMap {
            TokenBoundaries.decode(UnsafeRawBufferPointer(start: $0, count: count), length: length)
          }
          if let decoded { tokens[id] = decoded } else { unrecorded.append(id) }
        }
      }
      let text = try db.cachedStatement(sql: "SELECT text FROM reports WHERE id = ?")
      for id in unrecorded {
        if let string = try String.fetchOne(text, arguments: [id]) { tokens[id] = TokenBoundaries.tokens(of: string) }
      }
      return tokens
    }
  }

  /// Who annotated which labels of which layers among the annotations
  /// `annotationSpans(reportIDs:layers:)` returns, each combination once: what a comparison
  /// needs to know before it reads the reports one chunk at a time.
  public func comparedLabels(reportIDs: [Int], layers: [String]?) throws(StoreError) -> [(
    layer: String, label: String, author: String
  )] {
    try read("list annotation labels") { db in
      let statement = try db.cachedStatement(
        sql:
          "SELECT DISTINCT a.layer, a.label, a.author FROM annotations a WHERE \(Self.comparedCondition(layers: layers))"
      )
      var seen: Set<[String]> = []
      for run in Self.runs(of: reportIDs) {
        for row in try Row.fetchAll(statement, arguments: Self.comparedArguments(run, layers: layers)) {
          seen.insert([
            try row.checked(0, "an annotation's layer"), try row.checked(1, "an annotation's label"),
            try row.checked(2, "an annotation's author"),
          ])
        }
      }
      return seen.sorted { $0.lexicographicallyPrecedes($1) }.map { (layer: $0[0], label: $0[1], author: $0[2]) }
    }
  }

  /// `ids` as ranges of consecutive integers, ascending: a whole project or an `1-300` selection
  /// becomes one indexed range scan instead of hundreds of `IN (…)` batches.
  static func runs(of ids: [Int]) -> [ClosedRange<Int>] {
    var runs: [ClosedRange<Int>] = []
    for id in Set(ids).sorted() {
      if let last = runs.last, last.upperBound + 1 == id {
        runs[runs.count - 1] = last.lowerBound...id
      } else {
        runs.append(id...id)
      }
    }
    return runs
  }

  /// Which annotations take part in a comparison, for a statement over `annotations a`; the
  /// arguments come from `comparedArguments`.
  private static func comparedCondition(layers: [String]?) -> String {
    var condition = "a.reportId BETWEEN ? AND ? AND a.status = 'active' AND a.origin != 'adjudicated'"
    if let layers { condition += " AND a.layer IN (\(marks(layers.count)))" }
    return condition
  }

  /// One text column whose values repeat from row to row (layer, label, author, attributes).
  ///
  /// The last few distinct values are kept with their bytes, so a repeat costs a byte comparison
  /// instead of a decoded and allocated string per row.
  private struct RepeatedStrings {
    private var known: [(bytes: [UInt8], string: String)] = []
    private var nextSlot = 0

    /// The text in `column` of the row `statement` is on.
    mutating func value(_ statement: SQLiteStatement, _ column: Int32) -> String {
      // SQLite wants the pointer asked for before the length.
      guard let text = sqlite3_column_text(statement, column) else { return "" }
      let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column)))
      for entry in known where entry.bytes.count == bytes.count {
        if bytes.isEmpty || entry.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, text, bytes.count) == 0 }) {
          return entry.string
        }
      }
      let string = String(decoding: bytes, as: UTF8.self)
      if known.count < 8 {
        known.append((Array(bytes), string))
      } else {
        known[nextSlot] = (Array(bytes), string)
        nextSlot = (nextSlot + 1) % known.count
      }
      return string
    }
  }

  private static func comparedArguments(_ run: ClosedRange<Int>, layers: [String]?) -> StatementArguments {
    StatementArguments([run.lowerBound, run.upperBound]) + StatementArguments(layers ?? [])
  }
}
