import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore

/// Finds U+0000 in the strings an import is about to store.
///
/// SQLite keeps a NUL inside text, but text read back through C strings ends at it: a report of
/// "abc\u{0}def" would show "abc" while its length and hash speak of the whole. No report format
/// needs the character, so every import refuses it where it enters, naming the field, rather than
/// store a text that reads back cut short.
enum NULCheck {
  /// Where a NUL sits: the field that holds it and its character (code point) offset there.
  struct Found: Equatable {
    var field: String
    var offset: Int

    /// `"title" holds U+0000 (NUL) at character 3`.
    var reason: String {
      "\"\(field)\" holds U+0000 (NUL) at character \(offset), which a project cannot store"
    }
  }

  /// The offset of the first U+0000 in `string`, or nil.
  static func firstNUL(in string: String) -> Int? {
    // Nearly every string has none: memchr answers that at memory speed for a whole report.
    let mayHold =
      string.utf8.withContiguousStorageIfAvailable { bytes in
        bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false
      } ?? string.utf8.contains(0)
    guard mayHold else { return nil }
    return string.unicodeScalars.firstIndex(of: "\u{0}").map {
      string.unicodeScalars.distance(from: string.unicodeScalars.startIndex, to: $0)
    }
  }

  /// The first NUL among `fields`, named by their keys, in order.
  static func first(_ fields: KeyValuePairs<String, String?>) -> Found? {
    for (field, value) in fields {
      if let value, let offset = firstNUL(in: value) { return Found(field: field, offset: offset) }
    }
    return nil
  }

  /// The first NUL in a report's own fields (its metadata is stored as escaped JSON, which is safe).
  static func first(in report: NewReport) -> Found? {
    first([
      "text": report.text, "title": report.title, "id": report.uid, "language": report.language,
      "source": report.source, "url": report.url, "published": report.published,
    ])
  }

  /// Why an annotated report cannot be stored, or nil: a NUL in the report, in one of its
  /// annotations, links, reviews or review work, located at the record that holds it.
  static func error(in imported: ImportedReport) -> FormatError? {
    if let found = first(in: imported.report) {
      return FormatError(location: imported.location, reason: found.reason)
    }
    for annotation in imported.annotations {
      let found = first([
        "id": annotation.uuid, "layer": annotation.layer, "label": annotation.label, "quote": annotation.quote,
        "author": annotation.author, "origin": annotation.origin, "createdAt": annotation.createdAt,
        "updatedAt": annotation.updatedAt,
      ])
      if let found { return FormatError(location: annotation.location, reason: found.reason) }
    }
    for link in imported.links {
      let found = first(["id": link.uuid, "type": link.type, "author": link.author, "createdAt": link.createdAt])
      if let found { return FormatError(location: imported.location, reason: "a link's " + found.reason) }
    }
    for review in imported.reviews {
      let found = first([
        "id": review.uuid, "reviewer": review.reviewer, "comment": review.comment, "createdAt": review.createdAt,
      ])
      if let found { return FormatError(location: imported.location, reason: "a review's " + found.reason) }
    }
    for decision in imported.reviewDecisions {
      let found = first([
        "id": decision.uuid, "layer": decision.layer, "comment": decision.comment, "reviewer": decision.reviewer,
        "decidedAt": decision.decidedAt,
      ])
      if let found { return FormatError(location: decision.location, reason: found.reason) }
    }
    for state in imported.reviewStates {
      if let found = first(["layer": state.layer, "updatedAt": state.updatedAt]) {
        return FormatError(location: imported.location, reason: "a review state's " + found.reason)
      }
    }
    for decision in imported.suggestionDecisions {
      let found = first([
        "layer": decision.layer, "label": decision.label, "origin": decision.origin, "author": decision.author,
        "decidedAt": decision.decidedAt,
      ])
      if let found {
        return FormatError(location: imported.location, reason: "a suggestion decision's " + found.reason)
      }
    }
    return nil
  }
}
