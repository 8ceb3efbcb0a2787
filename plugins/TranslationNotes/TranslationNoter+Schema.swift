import AnnotatorKit

/// The translation-notes layer's schema and prompt command, built once.
extension TranslationNoter {
  static let layerSchema = LayerSchema(
    layer: "translation-notes",
    description: "Translator's notes in the margin: glosses, transliterations, context and ambiguities.",
    labels: [
      LabelSchema(
        name: "note", description: "A note on how to render a term.", colour: "green",
        attributes: [
          AttributeSchema(
            name: "translation", kind: .text, required: true, description: "The rendering or the note text.",
            role: .note),
          AttributeSchema(
            name: "lang", kind: .text, defaultValue: "en", description: "Language of the translation.",
            role: .language),
          AttributeSchema(
            name: "kind", kind: .enumeration(GlossaryEntry.Kind.allCases.map(\.rawValue)), defaultValue: "gloss",
            description: "gloss, transliteration, context or ambiguity."),
        ])
    ])

  static let layerCommands: [AnnotatorCommand] = [
    AnnotatorCommand(
      name: "note", form: .spanWithText(label: "note", attribute: "translation"),
      summary: "add a translation note to a term",
      details: """
        Attaches a note to SPAN; TEXT is the translation.

        Attributes: lang=CODE (default en), kind=gloss|transliteration|context|ambiguity
        (default gloss).

        Examples:
          note s2.6 "SDF, Syrian Democratic Forces"
          note s4.20 "Rmelan" kind=transliteration
          note s8.24 "as he put it" kind=context
        """)
  ]
}
