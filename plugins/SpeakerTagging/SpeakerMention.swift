import AnnotatorKit

/// A span naming a speaker, with the normalised name every mention of that person shares.
struct SpeakerMention: Sendable {
  var range: TextRange
  var name: String
  var role: String?
  var affiliation: String?
  var score: Double
  var explanation: String
  var sentence: Int
  var firstToken: Int
  var lastToken: Int

  /// How a name is compared and stored: folded as search folds it, but keeping Latin case so
  /// "Maria Haddad" stays readable, with whitespace runs collapsed.
  static func normalisedName(_ text: String) -> String {
    var view = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar.properties.isWhitespace {
        pendingSpace = !view.isEmpty
        continue
      }
      guard let folded = ArabicFolding.fold(scalar) else { continue }
      if pendingSpace {
        view.append(" ")
        pendingSpace = false
      }
      view.append(scalar.properties.isUppercase && scalar.isASCII ? scalar : folded)
    }
    return String(view)
  }
}
