/// Fleiss' kappa for a fixed number of coders over nominal codes.
public enum FleissKappa {
  /// Kappa over the units that every coder coded; other units are left out.
  ///
  /// Nil with fewer than two coders, no complete unit, or all codes in one category.
  public static func compute(_ codings: NominalCodings) -> AgreementFigure {
    guard codings.coderCount >= 2 else { return .undefined(units: 0) }
    var counts: [[Int]] = []
    var multiplicities: [Int] = []
    for row in codings.rows where !row.codes.contains(nil) {
      var perCategory = [Int](repeating: 0, count: codings.categoryCount)
      for code in row.codes { perCategory[code!] += 1 }
      counts.append(perCategory)
      multiplicities.append(row.count)
    }
    return compute(categoryCounts: counts, multiplicities: multiplicities)
  }

  /// Kappa from per-subject category counts: `categoryCounts[i][j]` raters put subject i in category j.
  ///
  /// Every subject must have the same number of ratings, as Fleiss' formula assumes.
  public static func compute(categoryCounts: [[Int]]) -> AgreementFigure {
    compute(categoryCounts: categoryCounts, multiplicities: Array(repeating: 1, count: categoryCounts.count))
  }

  private static func compute(categoryCounts: [[Int]], multiplicities: [Int]) -> AgreementFigure {
    guard let first = categoryCounts.first else { return .undefined(units: 0) }
    let raters = first.reduce(0, +)
    let categories = categoryCounts.map(\.count).max() ?? 0
    var subjects = 0
    var sumOfSquares = 0.0
    var totals = [Double](repeating: 0, count: categories)
    for (counts, weight) in zip(categoryCounts, multiplicities) {
      precondition(counts.reduce(0, +) == raters, "every subject needs the same number of ratings")
      subjects += weight
      for (j, n) in counts.enumerated() {
        sumOfSquares += Double(weight) * Double(n) * Double(n)
        totals[j] += Double(weight) * Double(n)
      }
    }
    guard raters >= 2, subjects > 0 else { return .undefined(units: subjects) }
    let ratings = Double(subjects) * Double(raters)
    let observed = (sumOfSquares - ratings) / (ratings * Double(raters - 1))
    let chance = totals.reduce(0) { $0 + ($1 / ratings) * ($1 / ratings) }
    // Chance agreement reaches 1 only when one category holds every rating.
    guard totals.filter({ $0 > 0 }).count > 1 else { return .undefined(units: subjects) }
    return AgreementFigure(value: (observed - chance) / (1 - chance), units: subjects)
  }
}
