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
    var builder = Builder()
    builder.add(title, weight: UInt8(ascii: "A"))
    builder.add(body, weight: UInt8(ascii: "B"))
    builder.add(clitics, weight: UInt8(ascii: "C"))
    return builder.rendered()
  }

  /// The vector of a prepared report.
  public static func text(_ prepared: PreparedReport) -> String {
    text(title: prepared.indexTitle, body: prepared.indexText, clitics: prepared.indexClitics)
  }

  /// Gathers each distinct word's positions, then writes `'word':1A,7B …`.
  private struct Builder {
    /// The words in the order first seen: where their bytes are, and their positions.
    private var words: [(bytes: [UInt8], positions: [UInt16], weights: [UInt8])] = []
    private var index: [[UInt8]: Int] = [:]
    /// The highest position given so far, which the next text's positions follow.
    private var offset = 0

    mutating func add(_ tokens: [UInt8], weight: UInt8) {
      var position = 0
      var highest = 0
      var start = 0
      for end in 0...tokens.count where end == tokens.count || tokens[end] == 0x20 {
        defer { start = end + 1 }
        let length = end - start
        guard length > 0, length < PostgresSearchVector.longestWord else { continue }
        position += 1
        let highestPosition = PostgresSearchVector.highestPosition
        let stored = min(offset + min(position, highestPosition), highestPosition)
        let word = Array(tokens[start..<end])
        let slot: Int
        if let known = index[word] {
          slot = known
        } else {
          slot = words.count
          index[word] = slot
          words.append((word, [], []))
        }
        // Positions only grow, so a repeated one is the clamped last position, kept once.
        guard words[slot].positions.count < PostgresSearchVector.positionsPerWord,
          words[slot].positions.last != UInt16(stored)
        else { continue }
        words[slot].positions.append(UInt16(stored))
        words[slot].weights.append(weight)
        highest = max(highest, stored)
      }
      offset = max(offset, highest)
    }

    func rendered() -> String {
      var out: [UInt8] = []
      out.reserveCapacity(words.reduce(0) { $0 + $1.bytes.count + 4 + $1.positions.count * 6 })
      for (number, word) in words.enumerated() {
        if number > 0 { out.append(0x20) }
        out.append(UInt8(ascii: "'"))
        for byte in word.bytes {
          // Inside quotes, `tsvector` input reads `''` as a quote and `\\` as a backslash.
          if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\\") { out.append(byte) }
          out.append(byte)
        }
        out.append(contentsOf: [UInt8(ascii: "'"), UInt8(ascii: ":")])
        for (place, position) in word.positions.enumerated() {
          if place > 0 { out.append(UInt8(ascii: ",")) }
          out.append(contentsOf: String(position).utf8)
          out.append(word.weights[place])
        }
      }
      return String(decoding: out, as: UTF8.self)
    }
  }
}
