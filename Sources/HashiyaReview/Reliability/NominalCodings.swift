/// Nominal codes that several coders gave to many units: a units × coders matrix with missing cells.
///
/// Identical rows are stored once with a multiplicity. Token-level data is
/// overwhelmingly repetitive (most tokens are unlabelled by everyone), so the
/// coefficients run over a few hundred distinct rows instead of millions.
public struct NominalCodings: Sendable {
  /// One distinct row of codes (`nil` = coder did not code the unit) and how many units share it.
  public struct Row: Hashable, Sendable {
    public var codes: [Int?]
    public var count: Int
  }

  public let coderCount: Int
  /// Codes are integers in `0..<categoryCount`.
  public private(set) var categoryCount = 0
  public private(set) var rows: [Row] = []
  private var rowIndex: [[Int?]: Int] = [:]

  public init(coders: Int) {
    coderCount = coders
  }

  /// Builds codings from a matrix with one inner array per unit and one entry per coder.
  ///
  /// Values are compared only for equality; their order in the matrix fixes
  /// nothing. Rows shorter than the widest are padded as missing.
  public init<Value: Hashable>(units: [[Value?]]) {
    self.init(coders: units.map(\.count).max() ?? 0)
    var codeOf: [Value: Int] = [:]
    for unit in units {
      var codes = [Int?](repeating: nil, count: coderCount)
      for (coder, value) in unit.enumerated() {
        guard let value else { continue }
        if let code = codeOf[value] {
          codes[coder] = code
        } else {
          codes[coder] = codeOf.count
          codeOf[value] = codeOf.count
        }
      }
      add(codes)
    }
  }

  /// The number of units, counting multiplicities.
  public var unitCount: Int { rows.reduce(0) { $0 + $1.count } }

  /// Adds `count` units coded as `codes` (one entry per coder; extra entries are ignored).
  public mutating func add(_ codes: [Int?], count: Int = 1) {
    guard count > 0 else { return }
    var codes = Array(codes.prefix(coderCount))
    if codes.count < coderCount { codes += [Int?](repeating: nil, count: coderCount - codes.count) }
    for code in codes {
      if let code {
        precondition(code >= 0, "category codes are non-negative")
        categoryCount = max(categoryCount, code + 1)
      }
    }
    if let i = rowIndex[codes] {
      rows[i].count += count
    } else {
      rowIndex[codes] = rows.count
      rows.append(Row(codes: codes, count: count))
    }
  }

  /// The same units recoded through `transform` (e.g. collapsed to "label vs rest").
  public func recoded(_ transform: (Int) -> Int) -> NominalCodings {
    var result = NominalCodings(coders: coderCount)
    for row in rows {
      result.add(row.codes.map { $0.map(transform) }, count: row.count)
    }
    return result
  }
}
