extension Completion {
  /// The lines that list several candidates under the prompt, at most `lines` of them and each
  /// narrower than `columns`: one candidate a line with its preview, else in columns as readline does.
  static func listing(_ candidates: [CompletionCandidate], columns: Int, lines: Int) -> [String] {
    let columns = max(columns, 20)
    let names = candidates.map { BidiIsolation.isolate(DisplayWidth.truncate(oneLine($0.text), to: columns - 1)) }
    let width = names.map(DisplayWidth.of).max() ?? 0
    let previewed = candidates.contains { !$0.preview.isEmpty }
    let perRow = previewed ? 1 : max(1, (columns - 1) / (width + 2))
    var rows = stride(from: 0, to: names.count, by: perRow).map { start in
      guard !previewed else {
        let row = DisplayWidth.pad(names[start], to: width) + "  " + candidates[start].preview
        return DisplayWidth.of(row) < columns ? row : DisplayWidth.truncate(row, to: columns - 1)
      }
      let row = names[start..<min(start + perRow, names.count)].map { DisplayWidth.pad($0, to: width + 2) }.joined()
      return String(row.reversed().drop { $0 == " " }.reversed())
    }
    if rows.count > lines {
      let shown = max(1, lines - 1)
      rows = Array(rows.prefix(shown)) + ["… \(names.count - shown * perRow) more: type more to narrow"]
    }
    return rows
  }

  /// `text` on one line: line breaks shown as ⏎ and tabs as spaces, which the terminal would
  /// otherwise act on.
  static func oneLine(_ text: String) -> String {
    String(text.map { $0.isNewline ? "⏎" : $0 == "\t" ? " " : $0 })
  }
}
