/// Cohen's kappa for two coders over nominal codes.
public enum CohenKappa {
  /// Kappa of coders `first` and `second` over the units both coded.
  ///
  /// Nil when they share no unit, or when chance agreement is 1 (both used the
  /// same single category throughout), where kappa is 0/0.
  public static func compute(_ codings: NominalCodings, first: Int, second: Int) -> AgreementFigure {
    let k = codings.categoryCount
    var agreeing = 0
    var total = 0
    var firstTotals = [Int](repeating: 0, count: k)
    var secondTotals = [Int](repeating: 0, count: k)
    for row in codings.rows {
      guard let a = row.codes[first], let b = row.codes[second] else { continue }
      total += row.count
      if a == b { agreeing += row.count }
      firstTotals[a] += row.count
      secondTotals[b] += row.count
    }
    return compute(agreeing: agreeing, total: total, firstTotals: firstTotals, secondTotals: secondTotals)
  }

  /// Kappa from a square confusion matrix: `matrix[i][j]` counts units the first coder put in i and the second in j.
  public static func compute(confusion matrix: [[Int]]) -> AgreementFigure {
    let k = matrix.count
    var agreeing = 0
    var total = 0
    var firstTotals = [Int](repeating: 0, count: k)
    var secondTotals = [Int](repeating: 0, count: k)
    for (i, row) in matrix.enumerated() {
      precondition(row.count == k, "confusion matrix must be square")
      for (j, n) in row.enumerated() {
        total += n
        if i == j { agreeing += n }
        firstTotals[i] += n
        secondTotals[j] += n
      }
    }
    return compute(agreeing: agreeing, total: total, firstTotals: firstTotals, secondTotals: secondTotals)
  }

  private static func compute(
    agreeing: Int, total: Int, firstTotals: [Int], secondTotals: [Int]
  ) -> AgreementFigure {
    guard total > 0 else { return .undefined(units: 0) }
    // Scaled by total² so the degenerate case is an exact comparison, not a float test.
    var chance = 0.0
    for (a, b) in zip(firstTotals, secondTotals) { chance += Double(a) * Double(b) }
    let n = Double(total)
    let denominator = n * n - chance
    guard denominator > 0 else { return .undefined(units: total) }
    return AgreementFigure(value: (n * Double(agreeing) - chance) / denominator, units: total)
  }
}
