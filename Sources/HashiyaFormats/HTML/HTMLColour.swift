/// The display colours of label colour names, as page-safe CSS values.
enum HTMLColour {
  /// The colour names a schema may use, with their highlight colour.
  static let palette: [(name: String, hex: String)] = [
    ("red", "#e5484d"), ("green", "#30a46c"), ("yellow", "#e2a400"), ("blue", "#3e63dd"),
    ("magenta", "#d6409f"), ("cyan", "#05a2c2"),
  ]

  /// The CSS class of a colour name; an unknown name gets the default cyan rather than odd markup.
  static func className(_ colour: String) -> String {
    palette.contains { $0.name == colour } ? "c-\(colour)" : "c-cyan"
  }
}
