extension AgreementReport {
  /// The report as plain-text tables for the terminal; "n/a" marks undefined figures.
  ///
  /// Span columns read precision/recall/F1 (matched/first/second).
  public var table: String {
    var sections: [String] = []
    sections.append(
      "\(documents) documents, \(tokens) tokens, annotators: \(annotators.joined(separator: ", "))\n"
        + "Fleiss' kappa: \(TextTable.figure(fleissKappa))   "
        + "Krippendorff's alpha: \(TextTable.figure(krippendorffAlpha))")

    var pairTable = TextTable(["pair", "cohen kappa", "exact P/R/F1", "overlap P/R/F1", "links"])
    for pair in pairs {
      pairTable.add([
        "\(pair.first) vs \(pair.second)", TextTable.figure(pair.cohenKappa),
        TextTable.f1(pair.exact), TextTable.f1(pair.overlap),
        TextTable.fraction(pair.links.fraction, pair.links.pairs),
      ])
    }
    if !pairs.isEmpty { sections.append(pairTable.rendered) }

    var labelTable = TextTable(["label", "pair", "fleiss", "alpha", "cohen kappa", "exact F1", "overlap F1"])
    for label in labels {
      let fleiss = TextTable.figure(label.fleissKappa)
      let alpha = TextTable.figure(label.krippendorffAlpha)
      if label.pairs.isEmpty { labelTable.add([label.label, "", fleiss, alpha, "", "", ""]) }
      for (i, pair) in label.pairs.enumerated() {
        labelTable.add([
          i == 0 ? label.label : "", "\(pair.first) vs \(pair.second)",
          i == 0 ? fleiss : "", i == 0 ? alpha : "", TextTable.figure(pair.cohenKappa),
          TextTable.number(pair.exact.f1), TextTable.number(pair.overlap.f1),
        ])
      }
    }
    if !labels.isEmpty { sections.append(labelTable.rendered) }

    var attributeTable = TextTable(["attribute", "agreement"])
    for attribute in attributes {
      attributeTable.add([attribute.name, TextTable.fraction(attribute.fraction, attribute.pairs)])
    }
    attributeTable.add(["(links)", TextTable.fraction(links.fraction, links.pairs)])
    sections.append(attributeTable.rendered)
    return sections.joined(separator: "\n\n")
  }
}
