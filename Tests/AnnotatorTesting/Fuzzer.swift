import AnnotatorKit
import Foundation

/// A seeded random input generator for fuzz tests run by `swift test`.
///
/// Each input is a mutation of a file of the target's seed corpus (`Tests/Fuzz/Seeds/<target>/`),
/// a string of tokens the target cares about, or plain random bytes. The same seed gives the same
/// inputs, so a failure reported with its seed and iteration can be replayed. The environment
/// overrides the defaults, for long runs outside CI:
///
/// - `HASHIYA_FUZZ_ITERATIONS`: inputs per target.
/// - `HASHIYA_FUZZ_SEED`: the seed (decimal); each run otherwise uses the same fixed one.
/// - `HASHIYA_FUZZ_SAVE`: a folder; each input is written there (`<target>.input`) before it
///   runs, so after a crash the file holds the input that crashed.
public struct Fuzzer {
  public let target: String
  public let seed: UInt64
  public let iterations: Int
  /// The seed corpus: every file of the target's seed folder.
  public let corpus: [[UInt8]]
  /// Fragments spliced into inputs: the target's syntax, which random bytes rarely hit.
  public let dictionary: [String]
  private let saveFolder: String?

  /// The fixed seed of CI runs.
  public static let defaultSeed: UInt64 = 0x4841_5348_4959_4121

  public init(target: String, iterations: Int, dictionary: [String]) {
    let environment = ProcessInfo.processInfo.environment
    self.target = target
    self.seed = environment["HASHIYA_FUZZ_SEED"].flatMap { UInt64($0) } ?? Self.defaultSeed
    self.iterations = environment["HASHIYA_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? iterations
    self.dictionary = dictionary + Self.commonFragments
    self.saveFolder = environment["HASHIYA_FUZZ_SAVE"]
    let folder = Self.seedsFolder.appendingPathComponent(target)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    corpus = names.sorted().compactMap { name in
      FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map { [UInt8]($0) }
    }
  }

  /// `Tests/Fuzz/Seeds`, found from this file's place in the repository.
  public static let seedsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fuzz/Seeds")

  /// Calls `body` with each input and its iteration number; the corpus itself comes first, unmutated.
  public func forEachInput(_ body: ([UInt8], Int) throws -> Void) rethrows {
    for iteration in 0..<iterations {
      var random = SeededGenerator(seed: seed &+ UInt64(iteration) &* 0x9E37_79B9_7F4A_7C15)
      let input = iteration < corpus.count ? corpus[iteration] : makeInput(&random)
      if let saveFolder {
        _ = FileManager.default.createFile(atPath: saveFolder + "/\(target).input", contents: Data(input))
      }
      try body(input, iteration)
    }
  }

  /// Where a failing input came from, to replay it.
  public func replay(_ iteration: Int) -> String {
    "\(target) iteration \(iteration): replay with HASHIYA_FUZZ_SEED=\(seed) HASHIYA_FUZZ_ITERATIONS=\(iteration + 1)"
  }

  // MARK: Making inputs

  private func makeInput(_ random: inout SeededGenerator) -> [UInt8] {
    switch random.below(10) {
    case 0: return (0..<random.below(64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    case 1: return Array((0..<random.below(12)).map { _ in fragment(&random) }.joined().utf8)
    default:
      var input = corpus.isEmpty ? [] : corpus[random.below(corpus.count)]
      for _ in 0...random.below(6) { mutate(&input, &random) }
      return input
    }
  }

  private func fragment(_ random: inout SeededGenerator) -> String {
    if random.below(3) == 0 { return String(Self.scalars[random.below(Self.scalars.count)]) }
    return dictionary[random.below(dictionary.count)]
  }

  private func mutate(_ input: inout [UInt8], _ random: inout SeededGenerator) {
    let position = random.below(input.count + 1)
    switch random.below(9) {
    case 0 where !input.isEmpty:
      input[min(position, input.count - 1)] ^= 1 << UInt8(random.below(8))
    case 1 where !input.isEmpty:
      input[min(position, input.count - 1)] = Self.interestingBytes[random.below(Self.interestingBytes.count)]
    case 2:
      input.insert(contentsOf: fragment(&random).utf8, at: position)
    case 3 where !input.isEmpty:
      let end = min(input.count, position + 1 + random.below(16))
      input.removeSubrange(min(position, input.count - 1)..<end)
    case 4 where !input.isEmpty:
      let start = min(position, input.count - 1)
      let end = min(input.count, start + 1 + random.below(32))
      input.insert(contentsOf: input[start..<end], at: random.below(input.count + 1))
    case 5 where !corpus.isEmpty:
      let other = corpus[random.below(corpus.count)]
      let from = random.below(other.count + 1)
      input = Array(input[..<position]) + other[from...]
    case 6:
      input.removeSubrange(position...)
    case 7:
      input.insert(contentsOf: Self.badUTF8[random.below(Self.badUTF8.count)], at: position)
    default:
      // A run of a digit, which pushes numbers, offsets and counts to their extremes.
      let digit = UInt8(ascii: "0") + UInt8(random.below(10))
      input.insert(contentsOf: repeatElement(digit, count: 1 + random.below(24)), at: position)
    }
  }

  /// Bytes that delimit, escape or end things in most text formats.
  static let interestingBytes: [UInt8] = Array("\"\\{}[],:;/#\t\n\r -0123456789eE.".utf8) + [0x00, 0x7F, 0x80, 0xFF]
  /// Ill-formed UTF-8: a lone continuation byte, an overlong NUL, a surrogate, a cut sequence, past U+10FFFF.
  static let badUTF8: [[UInt8]] = [
    [0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80],
  ]
  /// Scalars that split, join or reorder text: Arabic with marks, emoji sequences, controls, bidi marks.
  static let scalars: [Unicode.Scalar] = [
    "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{200D}", "\u{200F}", "\u{2028}", "\u{2066}", "\u{FEFF}", "\u{FFFD}",
    "\u{0628}", "\u{064E}", "\u{0651}", "\u{0640}", "\u{0661}", "\u{FDFD}", "\u{1F44B}", "\u{1F3FD}",
    "\u{1F468}", "\u{FE0F}", "\u{1F1F8}", "\u{E0067}", "\u{10FFFF}", "é", "\u{301}", "A",
  ]
  static let commonFragments = ["\r\n", "\\u0000", "\\ud83d", "\\u0645", "-0", "1e999", "9223372036854775808", "👨‍👩‍👧"]
}

extension SeededGenerator {
  /// A number in `0..<bound`, or 0 when `bound` is not positive.
  public mutating func below(_ bound: Int) -> Int {
    bound > 0 ? Int(next() % UInt64(bound)) : 0
  }
}
