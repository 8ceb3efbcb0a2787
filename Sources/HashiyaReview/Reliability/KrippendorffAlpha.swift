/// Krippendorff's alpha for nominal data with missing values (coincidence-matrix formulation).
public enum KrippendorffAlpha {
  /// Nominal alpha; `units` counts the pairable units (those with at least two codes).
  ///
  /// Nil when no unit is pairable or when every pairable code is the same
  /// value, where expected disagreement is 0.
  public static func nominal(_ codings: NominalCodings) -> AgreementFigure {
    let k = codings.categoryCount
    // Only the diagonal of the coincidence matrix and its marginals are needed for nominal data.
    var diagonal = [Double](repeating: 0, count: k)
    var marginals = [Double](repeating: 0, count: k)
    var unitCounts = [Int](repeating: 0, count: k)
    var pairable = 0
    for row in codings.rows {
      for i in unitCounts.indices { unitCounts[i] = 0 }
      var values = 0
      for code in row.codes {
        if let code {
          unitCounts[code] += 1
          values += 1
        }
      }
      guard values >= 2 else { continue }
      pairable += row.count
      let weight = Double(row.count)
      let scale = Double(values - 1)
      for c in 0..<k where unitCounts[c] > 0 {
        let n = Double(unitCounts[c])
        diagonal[c] += weight * n * (n - 1) / scale
        marginals[c] += weight * n
      }
    }
    let n = marginals.reduce(0, +)
    let chancePairs = marginals.reduce(0) { $0 + $1 * ($1 - 1) }
    let denominator = n * (n - 1) - chancePairs
    guard pairable > 0, marginals.filter({ $0 > 0 }).count > 1, denominator > 0 else {
      return .undefined(units: pairable)
    }
    let observed = diagonal.reduce(0, +)
    return AgreementFigure(value: ((n - 1) * observed - chancePairs) / denominator, units: pairable)
  }

  /// Nominal alpha straight from a units × coders matrix (`nil` = missing).
  public static func nominal<Value: Hashable>(units: [[Value?]]) -> AgreementFigure {
    nominal(NominalCodings(units: units))
  }
}
