/// JSON Lines of many short reports, Arabic with diacritics, emoji and CRLF: an import large
/// enough to take seconds, or to be written as a large import.
enum GeneratedReports {
  /// `count` reports whose ids start with `prefix`, about 200 bytes each.
  static func jsonl(_ count: Int, prefix: String) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count * 256)
    for n in 0..<count {
      let line =
        #"{"id":"\#(prefix)\#(n)","title":"تقرير \#(n) 🛰️","lang":"ar","text":"قالَتِ المُتَحَدِّثَةُ إنّ التحالف درّب \#(n) مقاتلاً.\r\n"#
        + #"The coalition said it trained \#(n) fighters in the region; report \#(n) of the batch."}"# + "\n"
      bytes += line.utf8
    }
    return bytes
  }
}
