/// The names and version that identify Hashiya's native export, shared by its writer and reader.
public enum NativeFormat {
  /// The `format` member of every native export.
  public static let name = "hashiya-export"
  /// The `version` this build writes and the newest it reads.
  public static let version = 1
  /// The unit of `start` and `end`.
  public static let offsetUnit = "unicode-scalar"

  /// The `offsets` member: which offset units the annotations carry.
  static func offsetUnits(_ offsets: ExportContext.Offsets) -> [String] {
    switch offsets {
    case .scalar: return [offsetUnit]
    case .all: return [offsetUnit, "utf16", "utf8"]
    }
  }
}
