import Testing

@testable import HashiyaReview

/// Worked examples with published values, so a wrong formula cannot pass.
@Suite struct ReliabilityTests {
  private func close(_ value: Double?, _ expected: Double, within tolerance: Double = 0.0005) -> Bool {
    guard let value else { return false }
    return abs(value - expected) < tolerance
  }

  @Test func krippendorffAlphaMatchesThe2011WorkedExample() {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", nominal example: α = 0.743.
    let observers: [[Int?]] = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
      [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
    ]
    let units = (0..<12).map { unit in observers.map { $0[unit] } }
    let alpha = KrippendorffAlpha.nominal(units: units)
    #expect(close(alpha.value, 0.743))
    // Unit 12 has a single value and is not pairable.
    #expect(alpha.units == 11)
  }

  @Test func krippendorffAlphaIsUndefinedWithoutVariation() {
    let same = KrippendorffAlpha.nominal(units: [["x", "x"], ["x", "x"], ["x", nil]])
    #expect(same.value == nil)
    #expect(same.units == 2)
    let unpairable = KrippendorffAlpha.nominal(units: [["x", nil], [nil, "y"]])
    #expect(unpairable.value == nil)
    #expect(unpairable.units == 0)
    #expect(KrippendorffAlpha.nominal(units: [[String?]]()).value == nil)
  }

  @Test func cohenKappaMatchesTheTextbookTwoByTwo() {
    // 50 items: both yes 20, A yes/B no 5, A no/B yes 10, both no 15 → κ = 0.4.
    let fromMatrix = CohenKappa.compute(confusion: [[20, 5], [10, 15]])
    #expect(close(fromMatrix.value, 0.4, within: 1e-12))
    #expect(fromMatrix.units == 50)

    var codings = NominalCodings(coders: 2)
    codings.add([0, 0], count: 20)
    codings.add([0, 1], count: 5)
    codings.add([1, 0], count: 10)
    codings.add([1, 1], count: 15)
    codings.add([1, nil], count: 7)  // coded by A only: not a unit for the pair
    let fromCodings = CohenKappa.compute(codings, first: 0, second: 1)
    #expect(close(fromCodings.value, 0.4, within: 1e-12))
    #expect(fromCodings.units == 50)
  }

  @Test func cohenKappaIsUndefinedWhenChanceAgreementIsOne() {
    #expect(CohenKappa.compute(confusion: [[9, 0], [0, 0]]).value == nil)
    #expect(CohenKappa.compute(confusion: [[0, 0], [0, 0]]).value == nil)
    // Different single categories: no agreement at all, chance 0, so κ = 0 — defined.
    #expect(CohenKappa.compute(confusion: [[0, 9], [0, 0]]).value == 0)
  }

  /// Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories.
  private let fleissExample: [[Int]] = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
  ]

  @Test func fleissKappaMatchesTheWikipediaExample() {
    let kappa = FleissKappa.compute(categoryCounts: fleissExample)
    #expect(close(kappa.value, 0.210))
    #expect(kappa.units == 10)
  }

  @Test func fleissKappaFromCodingsSkipsIncompleteUnits() {
    // The same counts spelled out as 14 raters' codes; rater identity does not matter to Fleiss.
    var codings = NominalCodings(coders: 14)
    for counts in fleissExample {
      let codes = counts.enumerated().flatMap { category, n in [Int?](repeating: category, count: n) }
      codings.add(codes)
    }
    codings.add([0] + [Int?](repeating: nil, count: 13), count: 3)
    let kappa = FleissKappa.compute(codings)
    #expect(close(kappa.value, 0.210))
    #expect(kappa.units == 10)
  }

  @Test func fleissKappaDegenerateCases() {
    #expect(FleissKappa.compute(categoryCounts: [[3, 0], [3, 0]]).value == nil)
    #expect(FleissKappa.compute(categoryCounts: []).value == nil)
    var single = NominalCodings(coders: 1)
    single.add([0])
    single.add([1])
    #expect(FleissKappa.compute(single).value == nil)
  }

  @Test func figuresNeverCarryNonFiniteValues() {
    #expect(AgreementFigure(value: .nan, units: 3).value == nil)
    #expect(AgreementFigure(value: .infinity, units: 3).value == nil)
  }
}
