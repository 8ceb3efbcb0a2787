/// Aligned columns for people: each column as wide as its widest cell in display columns.
public struct Table {
  public var header: [String]
  public var rows: [[String]]
  /// Columns aligned to the right (numbers).
  public var rightAligned: Set<Int>

  public init(header: [String], rows: [[String]], rightAligned: Set<Int> = []) {
    self.header = header
    self.rows = rows
    self.rightAligned = rightAligned
  }

  /// The table at its natural width, or, when `style.columns` is narrower, with its widest
  /// columns narrowed and their cells folded onto more lines.
  public func render(_ style: TextStyle) -> String {
    let all = [header] + rows
    var widths = header.indices.map { column in all.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
    if let columns = style.columns, widths.reduce(0, +) + 2 * (widths.count - 1) > columns {
      // A column narrows no further than its longest word, so no word is cut to fit.
      let minimums = header.indices.map { column in
        min(30, all.map { Self.longestWord($0[column]) }.max() ?? 0)
      }
      Self.narrow(&widths, toFit: columns, minimums: minimums)
      // Still too wide: cutting long words beats lines the terminal would fold for us.
      Self.narrow(&widths, toFit: columns, minimums: widths.map { min($0, 8) })
    }
    func lines(_ cells: [String]) -> [String] {
      let folded = cells.enumerated().map { column, cell in
        DisplayWidth.of(cell) <= widths[column] ? [cell] : TextWrap.lines(cell, width: widths[column])
      }
      let height = folded.map(\.count).max() ?? 1
      return (0..<height).map { row in
        folded.enumerated().map { column, cellLines in
          let cell = row < cellLines.count ? cellLines[row] : ""
          let padding = String(repeating: " ", count: max(0, widths[column] - DisplayWidth.of(cell)))
          return rightAligned.contains(column) ? padding + cell : cell + padding
        }.joined(separator: "  ").trimmingTrailingWhitespace()
      }
    }
    return (lines(header).map(style.bold) + rows.flatMap(lines)).joined(separator: "\n")
  }

  /// Narrows the widest column that can still narrow, one step at a time, until the table fits
  /// `columns` or every column is down to its minimum.
  static func narrow(_ widths: inout [Int], toFit columns: Int, minimums: [Int]) {
    var total = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
    while total > columns {
      let narrowable = widths.indices.filter { widths[$0] > minimums[$0] }
      guard let widest = narrowable.max(by: { widths[$0] < widths[$1] }) else { return }
      let next = narrowable.filter { $0 != widest }.map { widths[$0] }.max() ?? 0
      let step = max(1, min(total - columns, widths[widest] - max(next, minimums[widest])))
      widths[widest] -= step
      total -= step
    }
  }

  /// The width of the widest space-separated word of a cell.
  static func longestWord(_ cell: String) -> Int {
    cell.split(separator: " ").map { DisplayWidth.of(String($0)) }.max() ?? 0
  }
}

extension String {
  func trimmingTrailingWhitespace() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
