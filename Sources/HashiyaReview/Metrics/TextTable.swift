/// Left-aligned plain-text columns for terminal output.
struct TextTable {
  var header: [String]
  var rows: [[String]] = []

  init(_ header: [String]) {
    self.header = header
  }

  mutating func add(_ row: [String]) {
    rows.append(row)
  }

  /// Widths count Characters, which is close enough for Arabic labels in a monospaced terminal.
  var rendered: String {
    let all = [header] + rows
    var widths = [Int](repeating: 0, count: header.count)
    for row in all {
      for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
    }
    return all.map { row in
      row.enumerated().map { i, cell in
        i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
      }.joined(separator: "  ")
    }.joined(separator: "\n")
  }

  /// Three decimals, or "n/a" for an undefined figure; written by hand to keep Foundation formatting out.
  static func number(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "n/a" }
    let scaled = Int((abs(value) * 1000).rounded())
    let fraction = String(scaled % 1000)
    let padded = String(repeating: "0", count: 3 - fraction.count) + fraction
    return (value < 0 && scaled > 0 ? "-" : "") + "\(scaled / 1000).\(padded)"
  }

  static func figure(_ figure: AgreementFigure) -> String {
    "\(number(figure.value)) (n=\(figure.units))"
  }

  static func f1(_ score: SpanF1) -> String {
    "\(number(score.precision))/\(number(score.recall))/\(number(score.f1)) (\(score.matched)/\(score.inFirst)/\(score.inSecond))"
  }

  static func fraction(_ value: Double?, _ n: Int) -> String {
    "\(number(value)) (n=\(n))"
  }
}
