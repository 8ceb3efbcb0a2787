/// Guesses a report's language when the source does not say, from a file name tag or the script.
enum LanguageGuess {
  /// `report.ar.txt` → "ar"; otherwise the majority script of the first letters decides.
  static func guess(text: String, fileName: String?) -> String {
    if let fileName {
      let parts = fileName.split(separator: ".")
      if parts.count >= 3, let tag = parts.dropLast().last, (2...3).contains(tag.count),
        tag.allSatisfy({ $0.isASCII && $0.isLetter })
      {
        return tag.lowercased()
      }
    }
    var arabic = 0
    var latin = 0
    for scalar in text.unicodeScalars.prefix(4000) {
      switch scalar.value {
      case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
        if scalar.properties.isAlphabetic { arabic += 1 }
      case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F:
        latin += 1
      default:
        break
      }
    }
    if arabic == 0 && latin == 0 { return "und" }
    if arabic >= latin { return "ar" }
    let lower = " " + text.prefix(4000).lowercased() + " "
    let englishCues = [" the ", " and ", " of ", " to ", " in ", " is ", " said "]
    return englishCues.filter { lower.contains($0) }.count >= 2 ? "en" : "und"
  }
}
