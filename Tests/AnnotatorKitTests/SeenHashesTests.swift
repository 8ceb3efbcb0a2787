import Testing

@testable import AnnotatorKit

@Suite struct SeenHashesTests {
  /// It answers as a `Set` does, through many growths, for hashes that repeat and for hashes
  /// that differ only in their low or only in their high bits.
  @Test func answersAsASetDoes() {
    var seen = SeenHashes(capacity: 1)
    var reference = Set<UInt64>()
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for step in 0..<20_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let hash: UInt64
      switch step % 3 {
      case 0: hash = state >> 50 | 2  // few values: many repeats
      case 1: hash = state << 40 | 2  // only the high bits differ
      default: hash = state | 2
      }
      let added = seen.insert(hash)
      #expect(added == reference.insert(hash).inserted)
    }
  }

  /// Zero marks an empty slot, so a zero hash is kept as one.
  @Test func zeroIsKeptAsOne() {
    var seen = SeenHashes(capacity: 4)
    let answers = [seen.insert(0), seen.insert(0), seen.insert(1)]
    #expect(answers == [true, false, false])
  }
}
