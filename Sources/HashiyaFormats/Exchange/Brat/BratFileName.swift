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

  /// The path of `stem.ext` in `folder`, refusing any name that would resolve outside it.
  static func path(folder: String, stem: String, ext: String) throws(FormatError) -> String {
    let name = "\(stem).\(ext)"
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
