import AnnotatorKit

/// One glossary line: an Arabic (or any) term, its English rendering, and what kind of note it makes.
public struct GlossaryEntry: Sendable, Equatable {
  /// The `kind` values of a note.
  public enum Kind: String, Sendable, CaseIterable {
    /// A plain translation.
    case gloss
    /// A name rendered in Latin letters.
    case transliteration
    /// Background a reader needs (what a body is, what a phrase implies).
    case context
    /// A term that reads several ways; the note says which.
    case ambiguity
  }

  public var term: String
  public var translation: String
  public var kind: Kind

  public init(term: String, translation: String, kind: Kind = .gloss) {
    self.term = term
    self.translation = translation
    self.kind = kind
  }
}
