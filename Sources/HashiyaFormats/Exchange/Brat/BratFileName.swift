import Foundation

/// Safe file names for a report's `.txt`/`.ann` pair, derived from its handle and uid.
///
/// The uid comes from imported data, so it is treated as hostile: only `[A-Za-z0-9._-]` survives,
/// leading dots are dropped (no hidden files, no `..`), and the final path is checked to lie
/// directly inside the export folder.
enum BratFileName {
  /// Longest stem written; long uids are cut so names stay under common file-system limits.
  static let maxLength = 120

  /// `12-sdf-report-2019`: the report id keeps names unique even when two uids sanitise alike.
  static func stem(id: Int, uid: String) -> String {
    var cleaned = String(
      String.UnicodeScalarView(
        uid.unicodeScalars.map { scalar in
          scalar.isASCII
            && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
            ? scalar : "_"
        }))
    while cleaned.hasPrefix(".") || cleaned.hasPrefix("_") { cleaned.removeFirst() }
    let stem = cleaned.isEmpty ? String(id) : "\(id)-\(cleaned)"
    return String(stem.prefix(maxLength))
  }

  /// The folder name for an annotator's files, unused among `taken`.
  ///
  /// Author names are hostile data too, but usually not ASCII (لينا), so letters, digits and
  /// combining marks of any script survive; everything else, dots included, becomes `_`, so no
  /// name is hidden, `..` or a path. The annotator's exact name is kept in `annotation.conf`.
  static func folder(author: String, taken: Set<String>) -> String {
    var cleaned = String(
      String.UnicodeScalarView(
        author.unicodeScalars.map { scalar in
          let category = scalar.properties.generalCategory
          let kept =
            scalar.properties.isAlphabetic || category == .decimalNumber || category == .nonspacingMark
            || category == .spacingMark || scalar == "-"
          return kept ? scalar : "_"
        }))
    while cleaned.hasPrefix("_") || cleaned.hasPrefix("-") { cleaned.removeFirst() }
    // Cut by bytes, not characters: one character can carry many combining marks.
    var base = ""
    for scalar in cleaned.unicodeScalars where base.utf8.count + String(scalar).utf8.count <= maxLength {
      base.unicodeScalars.append(scalar)
    }
    if base.isEmpty { base = "annotator" }
    var name = base
    var number = 2
    while taken.contains(name) {
      name = "\(base)-\(number)"
      number += 1
    }
    return name
  }

  /// The path of `stem.ext` in `folder`, refusing any name that would resolve outside it.
  static func path(folder: String, stem: String, ext: String) throws(FormatError) -> String {
    try path(folder: folder, name: "\(stem).\(ext)")
  }

  /// The path of the file or folder `name` in `folder`, refusing any name that would resolve outside it.
  static func path(folder: String, name: String) throws(FormatError) -> String {
    let base = URL(fileURLWithPath: folder).standardizedFileURL
    let target = base.appendingPathComponent(name).standardizedFileURL
    guard !name.contains("/"), name != ".", name != "..", !name.hasPrefix("."),
      target.deletingLastPathComponent().path == base.path
    else {
      throw FormatError(location: name, reason: "the file name would be written outside \(folder)")
    }
    return target.path
  }
}
