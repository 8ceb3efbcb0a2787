import AnnotatorKit
import Foundation

/// `triage [LAYER] [--keys KEYS]`: decide pending suggestions or review units with one key each.
struct TriageCommand: Command {
  let name = "triage"
  let synopsis = "[LAYER] [--keys KEYS]"
  let summary = "decide suggestions (or review units) one key at a time"
  let completion = CompletionKind.layers
  let details = """
    Shows one item at a time: a progress line (37/212 · 29 accepted · 5 rejected), where it is
    (#1 s4.3), its layer and label, the span highlighted in its sentence, its attributes and the
    numbered choices. One key decides, without Enter:
      a        accept (in a review: the version all agree on)
      x        reject (in a review: settle the unit with no annotation)
      space    skip to the next open item
      u        undo this triage's last decision; that item is current again
      e        type key=value… and Enter, then accept with those attributes
               (label=X changes the label; in a review, start with N for annotator N's version;
             Enter alone decides nothing)
      1–9      accept as label N of the layer (suggestions) or annotator N's version (review);
               Arabic-Indic digits ١–٩ work too
      q        quit (Ctrl-D too);  ? shows these keys
    In a review, triage walks its units; otherwise the open suggestions of the last suggest,
    running suggest [LAYER] on the current report first when none are open. The walk stops
    after the last item with a summary (triage: 29 accepted, 5 rejected, 3 skipped of 212);
    Ctrl-C stops it too, and the decisions made so far stay.

    The same decisions are ordinary commands too: accept N…, reject N…, undo. In a batch run,
    --keys replays keys instead of reading them; there, e takes the text up to the next line
    break. With --json the summary is an object with the counts and the handles created.

    Examples:
      triage claim-labeling
      triage --keys "aax u q"
      review speaker-tagging; triage --keys "1 2x"
    """

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let script = try arguments.takeOption("keys")
    let layer = arguments.isEmpty ? nil : try arguments.takeWord("layer")
    try arguments.finish()
    if let layer { _ = try session.catalog.schema(layer, store: session.store) }
    guard let script else {
      guard !session.commandsFromStandardInput, isatty(STDOUT_FILENO) == 1,
        let keys = TerminalKeys(write: Self.write)
      else {
        throw CommandError.usage(
          command: name,
          message: "it reads single keys at a terminal: in a batch run use accept N… and reject N…, or --keys")
      }
      defer { keys.restore() }
      let style = session.style
      let (deck, failures) = try Self.deck(layer, in: session)
      var summary = Triage(deck: deck, keys: keys, style: style) { card in
        let width = Pager.terminalSize()?.columns
        Self.write(style.finish(TextWrap.fit(TerminalSafe.sanitize(card, style: style), width: width)) + "\n")
      }.run()
      summary.failures = failures
      return summary
    }
    let (deck, failures) = try Self.deck(layer, in: session)
    var summary = Triage(deck: deck, keys: ScriptedKeys(script), style: TextStyle(colour: false)) { _ in }.run()
    summary.listsProblems = true
    summary.failures = failures
    return summary
  }

  /// The review's units when a review is in progress, else the open suggestions (suggesting first
  /// if none), with the failures of plugins that could not suggest.
  static func deck(_ layer: String?, in session: Session) throws -> (any TriageDeck, failures: [String]) {
    if let queue = session.reviewQueue {
      let indices = queue.items.indices.filter { layer == nil || queue.items[$0].layer == layer }
      return (ReviewDeck(session: session, queue: queue, indices: indices), [])
    }
    var failures: [String] = []
    if try session.pendingSuggestions.numbers(layer: layer, openOnly: true).isEmpty {
      let tokens = layer.map { [Token.word($0)] } ?? []
      let output = try SuggestCommand().run(Arguments(command: "suggest", tokens: tokens), in: session)
      failures = (output as? any FailingOutput)?.failures ?? []
    }
    return (SuggestionDeck(session: session, numbers: try session.pendingSuggestions.numbers(layer: layer)), failures)
  }

  /// Writes to the terminal at once: cards must show while the next key is awaited.
  static func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}
