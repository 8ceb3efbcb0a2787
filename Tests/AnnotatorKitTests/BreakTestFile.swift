import Foundation

@testable import AnnotatorKit

/// One line of a UCD `*BreakTest.txt` file: some scalars and where their boundaries must fall.
struct BreakTestCase: Sendable {
  let lineNumber: Int
  let scalars: [Unicode.Scalar]
  /// Boundary offsets in scalars, including 0 and `scalars.count`.
  let boundaries: [Int]
  /// The file's explanation of the line: character names, properties and the rule applied.
  let comment: String
}

/// Loads the conformance test files shipped by Debian's `unicode-data` package.
enum BreakTestFile {
  /// Set `UNICODE_DATA_DIR` to use another copy of the UCD (e.g. on macOS).
  static var directory: String {
    ProcessInfo.processInfo.environment["UNICODE_DATA_DIR"] ?? "/usr/share/unicode"
  }

  struct MissingFile: Error, CustomStringConvertible {
    let path: String
    var description: String {
      "\(path) not found: install the Debian package `unicode-data` (apt-get install unicode-data)"
        + " or point UNICODE_DATA_DIR at a Unicode \(UnicodeBreakTables.unicodeVersion) UCD directory"
    }
  }

  struct WrongVersion: Error, CustomStringConvertible {
    let path: String
    let header: String
    var description: String {
      "\(path) is not from Unicode \(UnicodeBreakTables.unicodeVersion) (header: \(header)); the segmenters"
        + " implement that version's rules, so regenerate the tables and revisit the rules, or point"
        + " UNICODE_DATA_DIR at the matching data"
    }
  }

  struct MalformedLine: Error, CustomStringConvertible {
    let path: String
    let lineNumber: Int
    var description: String { "\(path):\(lineNumber): cannot parse test line" }
  }

  /// Every test line of `auxiliary/<name>`. Throws rather than returning nothing when the file is
  /// missing, so a machine without the data fails loudly instead of passing zero cases.
  static func cases(_ name: String) throws -> [BreakTestCase] {
    let path = "\(directory)/auxiliary/\(name)"
    guard FileManager.default.fileExists(atPath: path) else { throw MissingFile(path: path) }
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    // The first line names the file and version, e.g. "# WordBreakTest-15.0.0.txt".
    let header = lines.first.map(String.init) ?? ""
    guard header.contains("-\(UnicodeBreakTables.unicodeVersion).txt") else {
      throw WrongVersion(path: path, header: header)
    }

    var cases: [BreakTestCase] = []
    for (offset, line) in lines.enumerated() {
      let parts = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
      let body = parts[0].split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard !body.isEmpty else { continue }
      var scalars: [Unicode.Scalar] = []
      var boundaries: [Int] = []
      for token in body {
        switch token {
        case "÷": boundaries.append(scalars.count)
        case "×": break
        default:
          guard let value = UInt32(token, radix: 16), let scalar = Unicode.Scalar(value) else {
            throw MalformedLine(path: path, lineNumber: offset + 1)
          }
          scalars.append(scalar)
        }
      }
      let comment = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
      cases.append(
        BreakTestCase(lineNumber: offset + 1, scalars: scalars, boundaries: boundaries, comment: comment))
    }
    return cases
  }
}
