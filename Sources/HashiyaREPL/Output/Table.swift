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

  public func render(_ style: TextStyle) -> String {
    let all = [header] + rows
    let widths = header.indices.map { column in all.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { column, cell in
        let padding = String(repeating: " ", count: max(0, widths[column] - DisplayWidth.of(cell)))
        return rightAligned.contains(column) ? padding + cell : cell + padding
      }.joined(separator: "  ").trimmingTrailingWhitespace()
    }
    return ([style.bold(line(header))] + rows.map(line)).joined(separator: "\n")
  }
}

extension String {
  func trimmingTrailingWhitespace() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
