/// Where `triage` reads its keys: one keystroke at a time from the terminal, or a script.
protocol KeySource: AnyObject {
  /// The next key as one character; nil when the keys run out or a signal stops the reading.
  func nextKey() -> Character?
  /// A line of text typed after `prompt` (the attributes of `e`); nil when none can be read.
  func readLine(prompt: String) -> String?
}
