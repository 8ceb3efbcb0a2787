/// What `triage` walks one item at a time: pending suggestions or the units of a review.
protocol TriageDeck {
  /// How many items the walk covers, decided ones included.
  var count: Int { get }
  /// What a digit key picks on this deck ("label", "annotator").
  var choiceNoun: String { get }
  /// Whether item `index` still waits for a decision.
  func isOpen(_ index: Int) -> Bool
  /// The card's lines after the progress line: where, the span in context, details, the numbered choices.
  func card(_ index: Int, style: TextStyle) throws -> [String]
  /// Accepts item `index`, as choice `choice` (1-based) when given, with `key=value` edits when given.
  /// Returns a note for the screen and the handles of the annotations created.
  func accept(_ index: Int, choice: Int?, edits: [(key: String, value: String)]?) throws -> (
    note: String, handles: [Int]
  )
  /// Settles item `index` with no annotation.
  func reject(_ index: Int) throws
  /// Takes back the last decision, which was on item `index`, and opens the item again.
  func undo(_ index: Int) throws
  /// Called when the walk ends on item `index` (`count` when past the last).
  func leave(at index: Int)
  /// Splits an `e` line into the choice it starts with, if any, and its `key=value` edits.
  func edits(_ line: String) throws -> (choice: Int?, edits: [(key: String, value: String)])
}

extension TriageDeck {
  func leave(at index: Int) {}

  func edits(_ line: String) throws -> (choice: Int?, edits: [(key: String, value: String)]) {
    let parsed = try CommandLexer { _ in false }.parse("e " + line)
    guard parsed.count == 1, let tokens = parsed.first?.arguments else {
      throw CommandError.usage(command: "triage", message: "e takes key=value… on one line")
    }
    var arguments = Arguments(command: "triage", tokens: tokens)
    var choice: Int?
    if case .word(let word)? = arguments.peek, let number = Triage.digit(word) {
      _ = arguments.takeNext()
      choice = number
    }
    return (choice, try arguments.takeAssignments())
  }
}
