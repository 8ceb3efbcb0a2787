import AnnotatorKit
import Foundation

/// Version 7 UUIDs (RFC 9562): the milliseconds since 1970, then random bits, as lowercase text.
///
/// Rows a command makes one after another get neighbouring ids, so each lands at the end of the
/// uuid index instead of on a random page of it. The random bits come from a generator seeded
/// once from the system's: Foundation's `UUID()` asks the kernel for every one, which cost more
/// than the rest of an event's insert. Uniqueness across teammates' files rests on the seed's
/// 64 random bits and the time, not on secrecy: a UUID names a row, it guards nothing.
package enum OrderedUUID {
  package static func make(at date: Date = Date()) -> String {
    let milliseconds = UInt64(max(0, (date.timeIntervalSince1970 * 1000).rounded(.down)))
    let random = source.next()
    let more = source.next()
    // 48 bits of time, the version, 12 random bits, the variant, 62 random bits: RFC 9562's layout.
    let high = milliseconds << 16 | 0x7000 | (random & 0x0FFF)
    let low = 0x8000_0000_0000_0000 | (more & 0x3FFF_FFFF_FFFF_FFFF)
    // Written in place: every event of a bulk command takes one.
    return String(unsafeUninitializedCapacity: 36) { text in
      var position = 0
      func put(_ word: UInt64, nibbles: ClosedRange<Int>) {
        for nibble in nibbles.reversed() {
          if position == 8 || position == 13 || position == 18 || position == 23 {
            text[position] = UInt8(ascii: "-")
            position += 1
          }
          let digit = UInt8(truncatingIfNeeded: word >> (4 * UInt64(nibble)) & 0xF)
          text[position] = digit < 10 ? 48 + digit : 87 + digit
          position += 1
        }
      }
      put(high, nibbles: 0...15)
      put(low, nibbles: 0...15)
      return position
    }
  }

  private static let source = Source()

  /// The generator behind a lock: several threads of one process may make rows at once.
  private final class Source: @unchecked Sendable {
    private let lock = NSLock()
    private var generator = SeededGenerator(seed: UInt64.random(in: .min ... .max))

    func next() -> UInt64 {
      lock.lock()
      defer { lock.unlock() }
      return generator.next()
    }
  }
}
