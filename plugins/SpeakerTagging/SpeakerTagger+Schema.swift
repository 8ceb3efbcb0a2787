import AnnotatorKit

/// The speaker-tagging layer's schema and prompt commands, built once.
extension SpeakerTagger {
  static let layerSchema = LayerSchema(
    layer: "speaker-tagging",
    description: "Who speaks in a report and which statements are theirs.",
    labels: [
      LabelSchema(
        name: "speaker", description: "A mention of a person or body who makes a statement.", colour: "magenta",
        attributes: [
          AttributeSchema(
            name: "name", kind: .text,
            description: "Normalised name (folded, no quotation marks), shared by every mention of the same speaker."),
          AttributeSchema(name: "role", kind: .text, description: "Role or title as the report gives it."),
          AttributeSchema(name: "affiliation", kind: .text, description: "Organisation the speaker speaks for."),
        ]),
      LabelSchema(
        name: "quote", description: "A statement attributed to a speaker.", colour: "yellow",
        attributes: [
          AttributeSchema(
            name: "mode", kind: .enumeration(["direct", "indirect"]), defaultValue: "direct",
            description: "direct: in quotation marks; indirect: reported (قال إنّ…, said that…).")
        ]),
    ],
    linkTypes: [
      LinkTypeSchema(
        name: "said-by", from: ["quote"], to: ["speaker"], description: "The speaker a quote is attributed to.")
    ])

  static let layerCommands: [AnnotatorCommand] = [
    AnnotatorCommand(
      name: "speaker", form: .span(label: "speaker"), summary: "tag a speaker mention",
      details: """
        Marks SPAN as a mention of someone who makes a statement. Give every mention of one person
        the same name= so that quotes can be traced to them.

        Attributes: name=TEXT (normalised name), role=TEXT, affiliation=TEXT.

        Examples:
          speaker s4.3-4 name="كيفين كويثي" role="نائب قائد العمليات الخاصة" affiliation="التحالف الدولي"
          speaker s5.3 name="كيفين كويثي"
          speaker s2.1-2 name="Maria Haddad" role="port director"
        """),
    AnnotatorCommand(
      name: "quote", form: .spanLinkedTo(label: "quote", keyword: "by", linkType: "said-by"),
      summary: "tag a quote and link it to its speaker",
      details: """
        Marks SPAN as a statement and links it with said-by to the speaker annotation #ID.
        Direct quotes are the words inside quotation marks; indirect ones are reported clauses
        (قال إنّ…, أشار إلى أنّ…, said that…).

        Attributes: mode=direct|indirect (default direct).

        Examples:
          quote s10.5-30 by #3
          quote s6.4-18 by #1 mode=indirect
        """),
  ]
}
