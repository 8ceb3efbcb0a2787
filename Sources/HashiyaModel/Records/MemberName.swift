import Foundation

/// A team member's name as declared with `--user` or `team add`: normalised to NFC, compared
/// case-folded, never empty, blank or carrying control characters.
///
/// A project file cannot authenticate anyone, so the name is all there is: normalising it keeps
/// `Amal`, `amal` and a decomposed spelling one annotator rather than three.
public struct MemberName: Sendable, Hashable, CustomStringConvertible {
  /// The name as it is stored and shown: NFC, without surrounding white space.
  public let spelling: String
  /// The key two spellings of one name share: case-folded NFC.
  public let folded: String

  /// The longest name accepted, in characters.
  public static let longest = 64

  public init(_ declared: String) throws(TeamError) {
    let spelling = declared.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !spelling.isEmpty else { throw .emptyName }
    guard !spelling.unicodeScalars.contains(where: Self.isForbidden) else { throw .controlCharacters(declared) }
    guard spelling.count <= Self.longest else { throw .nameTooLong(declared, limit: Self.longest) }
    self.spelling = spelling
    self.folded = Self.fold(spelling)
  }

  /// Case folding: upper then lower case maps `ß` and `SS` together, as full folding does.
  public static func fold(_ name: String) -> String {
    name.uppercased().lowercased().precomposedStringWithCanonicalMapping
  }

  public var description: String { spelling }

  /// Control characters, line separators and the bidi controls that would make a name print as
  /// something else: none belongs in a name that is shown in every listing.
  private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned: return true
    default: break
    }
    switch scalar.value {
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }
}
