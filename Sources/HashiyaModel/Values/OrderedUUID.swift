import AnnotatorKit
import Foundation
import HashiyaModel

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
    var bytes = [UInt8](repeating: 0, count: 16)
    for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - UInt64(index)))) }
    for index in 6..<16 {
      bytes[index] = UInt8(truncatingIfNeeded: (index < 14 ? random : more) >> (8 * UInt64(index % 8)))
    }
    bytes[6] = 0x70 | (bytes[6] & 0x0F)
    bytes[8] = 0x80 | (bytes[8] & 0x3F)
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(36)
    for (index, byte) in bytes.enumerated() {
      if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
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
