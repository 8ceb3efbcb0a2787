import AnnotatorKit
import Foundation

/// The built-in `translation-notes` annotator: English glosses for Arabic terms, from a glossary.
///
/// Matching is Arabic-folded (tashkeel, tatweel and alef forms do not matter), finds terms behind
/// attached clitics (لقسد، والبشمركة، للتحالف الدولي) and covers only the term itself.
public struct TranslationNoter: Annotator {
  public let id = "translation-notes"
  public let version = "1.0.0"
  /// The entries this module ships, before any user glossary.
  public static let shippedGlossary: [GlossaryEntry] = ShippedGlossary.entries

  private let lazyTerms: LazyNoteTerms
  /// Built on first use: every command starts the built-in annotators, few of them suggest.
  private var matcher: GlossaryMatcher { lazyTerms.value.matcher }

  /// The shipped glossary alone.
  public init() {
    self.init(userGlossary: [])
  }

  /// The shipped glossary with `userGlossary` on top: a user entry replaces a shipped entry for
  /// the same (folded) term.
  public init(userGlossary: [GlossaryEntry]) {
    lazyTerms = LazyNoteTerms { NoteTerms(GlossaryMatcher(shipped: Self.shippedGlossary, user: userGlossary)) }
  }

  /// The entries in effect, shipped then user, one per folded term.
  public var glossary: [GlossaryEntry] { matcher.terms.map(\.entry) }

  /// Reads a UTF-8 TSV glossary: `term<TAB>translation[<TAB>kind]` per line, `#` comments and
  /// blank lines ignored; a malformed line throws an error naming the file and the line.
  public static func loadGlossary(path: String) throws -> [GlossaryEntry] {
    try GlossaryFile.load(path: path)
  }

  public var schema: LayerSchema { Self.layerSchema }
  public var commands: [AnnotatorCommand] { Self.layerCommands }

  public func suggest(_ report: ReportInput) throws -> [Suggestion] {
    let shared = lazyTerms.value
    return shared.matcher.matches(in: report.text).map { match in
      let term = shared.matcher.terms[match.term]
      // A term's attributes and explanation are the same in every report: a project-wide
      // suggestion run shares one copy of each instead of holding millions.
      let explanation =
        match.prefix.isEmpty
        ? shared.explanations[match.term]
        : shared.explanations[match.term] + " (after the prefix \"\(match.prefix)\")"
      return Suggestion(
        label: "note", range: match.range, attributes: shared.attributes[match.term],
        score: term.entry.kind == .ambiguity ? 0.6 : (term.isUser ? 0.95 : 0.9), explanation: explanation)
    }
  }

  /// A note whose translation is only blanks says nothing; the schema only checks it is text.
  public func validate(_ annotation: AnnotationDraft, in text: ReportText) -> [String] {
    guard annotation.label == "note", let translation = annotation.attributes["translation"]?.stringValue else {
      return []
    }
    return translation.allSatisfy(\.isWhitespace) ? ["the translation is empty"] : []
  }
}

/// The matcher with what every suggestion of one term shares.
private struct NoteTerms: Sendable {
  let matcher: GlossaryMatcher
  let attributes: [[String: JSONValue]]
  let explanations: [String]

  init(_ matcher: GlossaryMatcher) {
    self.matcher = matcher
    attributes = matcher.terms.map { term in
      ["translation": .string(term.entry.translation), "lang": "en", "kind": .string(term.entry.kind.rawValue)]
    }
    explanations = matcher.terms.map { term in
      "\(term.isUser ? "user glossary" : "glossary"): \"\(term.entry.term)\" → \(term.entry.translation)"
    }
  }
}

/// The glossary terms made once, on first use, safely across the threads that suggest.
private final class LazyNoteTerms: @unchecked Sendable {
  private let lock = NSLock()
  private let make: @Sendable () -> NoteTerms
  private var made: NoteTerms?

  init(_ make: @escaping @Sendable () -> NoteTerms) {
    self.make = make
  }

  var value: NoteTerms {
    lock.withLock {
      if let made { return made }
      let terms = make()
      made = terms
      return terms
    }
  }
}
