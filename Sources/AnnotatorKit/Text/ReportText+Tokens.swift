extension ReportText {
  /// The word tokens of every sentence of `string`, in text order: what `sentences` holds,
  /// flattened, for callers that need nothing else from many reports.
  public static func tokens(of string: String) -> [TextRange] {
    ReportText(string).sentences.flatMap(\.tokens)
  }
}
