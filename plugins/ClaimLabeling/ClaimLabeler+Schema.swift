import AnnotatorKit

/// The claim-labeling layer's schema and prompt command, built once.
///
/// Link types join labels of one layer, so the claimant is a label of this layer too: a
/// `claimant` mirrors the speaker-tagging `speaker` it stands for, with the same `name`.
extension ClaimLabeler {
  static let layerSchema = LayerSchema(
    layer: "claim-labeling",
    description: "Check-worthy claims: their type, how worth checking they are, and the verdict.",
    labels: [
      LabelSchema(
        name: "claim", description: "A checkable statement, at most one sentence long.", colour: "red",
        attributes: [
          AttributeSchema(
            name: "type", kind: .enumeration(ClaimType.allCases.map(\.rawValue)), defaultValue: "other",
            description: "statistical, causal, comparison, prediction, quote or other."),
          AttributeSchema(
            name: "checkworthiness", kind: .number(min: 1, max: 5, integer: true),
            description: "1 (not worth checking) to 5 (check first)."),
          AttributeSchema(
            name: "verdict", kind: .enumeration(["unverified", "true", "false", "misleading", "mixed"]),
            defaultValue: "unverified", description: "The fact-check outcome."),
          AttributeSchema(name: "evidence", kind: .text, description: "Sources or notes backing the verdict."),
        ]),
      LabelSchema(
        name: "claimant", description: "Who makes a claim; mirrors a speaker-tagging speaker.", colour: "magenta",
        attributes: [
          AttributeSchema(
            name: "name", kind: .text, description: "The speaker's normalised name, as in speaker-tagging.")
        ]),
    ],
    linkTypes: [
      LinkTypeSchema(name: "claimed-by", from: ["claim"], to: ["claimant"], description: "Who makes the claim.")
    ])

  static let layerCommands: [AnnotatorCommand] = [
    AnnotatorCommand(
      name: "claim", form: .span(label: "claim"), summary: "label a check-worthy claim",
      details: """
        Marks SPAN (a clause or sentence, never more than one sentence) as a claim to check.

        Attributes: type=statistical|causal|comparison|prediction|quote|other (default other),
        checkworthiness=1..5, verdict=unverified|true|false|misleading|mixed (default unverified),
        evidence=TEXT.

        Examples:
          claim s5.16-27 type=statistical checkworthiness=4
          claim s7.5-20 type=statistical verdict=mixed evidence="UN figures give 7.7 million"
        """)
  ]
}
