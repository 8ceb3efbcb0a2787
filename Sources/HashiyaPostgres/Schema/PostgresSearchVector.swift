import Foundation
import HashiyaModel

/// A report's `searchTokens` as `tsvector` input text, built from the tokens Hashiya's own
/// tokenizer made, so the server indexes exactly the words a project file's index holds.
///
/// The server's `to_tsvector` would run its own parser over the same tokens, which splits a
/// token at a character it does not count as a letter (a combining mark, in some locales) and
/// costs the server a third of an import. The vector is what `to_tsvector('simple', …)` of
/// each text, weighted A, B and C and joined with `||`, gives: positions counted from 1 across
/// the three texts, at most 16,383, at most 255 of them a word, words of 2,047 bytes or more left
/// out. Searches are cast to `tsquery` in the same way, without the server's parser.
public enum PostgresSearchVector {
  /// The highest position a `tsvector` stores; later words share it.
  static let highestPosition = 16_383
  /// The most positions `to_tsvector` keeps for one word (its input would take one more).
  static let positionsPerWord = 255
  /// Words this long or longer are not indexed, as `to_tsvector` leaves them out.
  static let longestWord = 2_047

  /// The vector of a report's title, text and clitic forms, each its tokens separated by
  /// single spaces (`PreparedReport.indexTitle`, `indexText`, `indexClitics`).
  public static func text(title: [UInt8], body: [UInt8], clitics: [UInt8]) -> String {
    // One buffer, so a word is a range of it wherever it was seen.
    var all = title
    all.reserveCapacity(title.count + body.count + clitics.count + 2)
    all.append(0x20)
    all.append(contentsOf: body)
    all.append(0x20)
    all.append(contentsOf: clitics)
    return all.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress else { return "" }
      var builder = Builder(bytes: bytes, base: base)
      builder.add(0..<title.count, weight: UInt8(ascii: "A"))
      builder.add(title.count + 1..<title.count + 1 + body.count, weight: UInt8(ascii: "B"))
      builder.add(title.count + body.count + 2..<bytes.count, weight: UInt8(ascii: "C"))
      return builder.rendered()
    }
  }

  /// The vector of a prepared report.
  public static func text(_ prepared: PreparedReport) -> String {
    text(title: prepared.indexTitle, body: prepared.indexText, clitics: prepared.indexClitics)
  }

  /// Gathers each distinct word's positions, then writes `'word':1A,7B …`.
  ///
  /// An import builds one vector a report on the thread that writes, so words are found in a
  /// hash table of ranges of the texts' bytes rather than as keys of their own.
  private struct Builder {
    let bytes: UnsafeBufferPointer<UInt8>
    let base: UnsafePointer<UInt8>
    /// Each distinct word, in the order first seen: where its bytes are, how many positions it
    /// has kept, and the last of them.
    private var wordStart: [Int] = []
    private var wordLength: [Int] = []
    private var wordHash: [UInt64] = []
    private var wordCount: [Int] = []
    private var wordLast: [Int] = []
    /// Open addressing over the words: a word's index plus one, or 0 for an empty slot.
    private var slots: [Int32]
    /// Every position kept: its word, its number and its weight, in the order given.
    private var occurrences: [(word: Int32, position: UInt16, weight: UInt8)] = []
    /// The highest position given so far, which the next text's positions follow.
    private var offset = 0

    init(bytes: UnsafeBufferPointer<UInt8>, base: UnsafePointer<UInt8>) {
      self.bytes = bytes
      self.base = base
      // At least twice as many slots as there can be words: a word takes two bytes with its space.
      var capacity = 16
      while capacity < bytes.count + 2 { capacity <<= 1 }
      slots = Array(repeating: 0, count: capacity)
    }

    mutating func add(_ range: Range<Int>, weight: UInt8) {
      var position = 0
      var highest = 0
      var start = range.lowerBound
      for end in range.lowerBound...range.upperBound where end == range.upperBound || bytes[end] == 0x20 {
        defer { start = end + 1 }
        let length = end - start
        guard length > 0, length < PostgresSearchVector.longestWord else { continue }
        position += 1
        let highestPosition = PostgresSearchVector.highestPosition
        let stored = min(offset + min(position, highestPosition), highestPosition)
        let word = find(start, length)
        // Positions only grow, so a repeated one is the clamped last position, kept once.
        guard wordCount[word] < PostgresSearchVector.positionsPerWord, wordLast[word] != stored else { continue }
        wordCount[word] += 1
        wordLast[word] = stored
        occurrences.append((Int32(word), UInt16(stored), weight))
        highest = max(highest, stored)
      }
      offset = max(offset, highest)
    }

    /// The index of the word at `start`, added when new.
    private mutating func find(_ start: Int, _ length: Int) -> Int {
      // FNV-1a.
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for index in start..<start + length {
        hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3
      }
      let mask = slots.count - 1
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] != 0 {
        let word = Int(slots[slot]) - 1
        if wordHash[word] == hash, wordLength[word] == length,
          memcmp(base + wordStart[word], base + start, length) == 0
        {
          return word
        }
        slot = (slot + 1) & mask
      }
      slots[slot] = Int32(wordStart.count + 1)
      wordStart.append(start)
      wordLength.append(length)
      wordHash.append(hash)
      wordCount.append(0)
      wordLast.append(0)
      return wordStart.count - 1
    }

    func rendered() -> String {
      // The positions grouped by word, each group in the order given.
      var first = [Int](repeating: 0, count: wordStart.count + 1)
      for word in wordStart.indices { first[word + 1] = first[word] + wordCount[word] }
      var next = first
      var grouped = [(position: UInt16, weight: UInt8)](repeating: (0, 0), count: occurrences.count)
      for occurrence in occurrences {
        grouped[next[Int(occurrence.word)]] = (occurrence.position, occurrence.weight)
        next[Int(occurrence.word)] += 1
      }
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + wordStart.count * 4 + occurrences.count * 7)
      for word in wordStart.indices {
        if word > 0 { out.append(0x20) }
        out.append(UInt8(ascii: "'"))
        for byte in bytes[wordStart[word]..<wordStart[word] + wordLength[word]] {
          // Inside quotes, `tsvector` input reads `''` as a quote and `\\` as a backslash.
          if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\\") { out.append(byte) }
          out.append(byte)
        }
        out.append(UInt8(ascii: "'"))
        out.append(UInt8(ascii: ":"))
        for place in first[word]..<first[word + 1] {
          if place > first[word] { out.append(UInt8(ascii: ",")) }
          Self.appendDecimal(Int(grouped[place].position), to: &out)
          out.append(grouped[place].weight)
        }
      }
      return String(decoding: out, as: UTF8.self)
    }

    private static func appendDecimal(_ number: Int, to out: inout [UInt8]) {
      var divisor = 1
      while divisor * 10 <= number { divisor *= 10 }
      var rest = number
      while divisor > 0 {
        out.append(UInt8(ascii: "0") + UInt8(rest / divisor))
        rest %= divisor
        divisor /= 10
      }
    }
  }
}
