/// Reads what was typed with the Arabic keyboard layout on as the Latin keys pressed, so command
/// names and SPAN marks need no switch of layout: `سحثشنثق` is `speaker`, `س٤ز٣+١` is `s4.3+1`.
///
/// Only words that are nothing but such keys are read this way, and only where a Latin word is
/// expected (a command name, a SPAN mark, a keyword); Arabic text in quotes is never touched.
public enum ArabicKeyboard {
  /// The letter each key gives on the standard Arabic layout (PC 101), keyed by that letter.
  static let latinKey: [Character: Character] = [
    "ض": "q", "ص": "w", "ث": "e", "ق": "r", "ف": "t", "غ": "y", "ع": "u", "ه": "i", "خ": "o", "ح": "p",
    "ج": "[", "د": "]", "ش": "a", "س": "s", "ي": "d", "ب": "f", "ل": "g", "ا": "h", "ت": "j", "ن": "k",
    "م": "l", "ك": ";", "ط": "'", "ئ": "z", "ء": "x", "ؤ": "c", "ر": "v", "ى": "n", "ة": "m", "و": ",",
    "ز": ".", "ظ": "/", "ذ": "`",
  ]

  /// `word` as the Latin keys that typed it on the Arabic layout; nil when it holds no Arabic
  /// letter or a character no key gives. Digits, `+ - # @ = _` are the same on both layouts.
  public static func latin(_ word: String) -> String? {
    var latin = ""
    var sawArabic = false
    var characters = word[...]
    while let character = characters.first {
      // The b key gives lam-alef, two letters.
      if characters.hasPrefix("لا") {
        latin.append("b")
        characters = characters.dropFirst(2)
        sawArabic = true
        continue
      }
      if let key = latinKey[character] {
        latin.append(key)
        sawArabic = true
      } else if character.isASCII && (character.isNumber || "+-#@=_".contains(character)) {
        latin.append(character)
      } else {
        return nil
      }
      characters = characters.dropFirst()
    }
    return sawArabic ? latin : nil
  }
}
