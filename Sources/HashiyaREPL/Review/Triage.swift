import AnnotatorKit

/// The key loop of `triage`: shows a card, reads one key, decides, and goes on to the next open item.
final class Triage {
  /// Scalars of the sentence shown each side of a short span.
  static let context = 30
  /// The columns a card's lines are packed to.
  static let width = 78
  static let keyTable = """
    a accept · x reject · space skip · u undo · e edit attributes (key=value…, then Enter)
    1–9 accept as label N (suggestions) or annotator N's version (review) · q quit · ? these keys
    """

  let deck: any TriageDeck
  let keys: any KeySource
  /// Writes a card or a hint to the screen; does nothing when the keys come from a script.
  let show: (String) -> Void
  let style: TextStyle

  private var position = 0
  private var accepted = 0
  private var rejected = 0
  private var skipped: Set<Int> = []
  private var handles: [Int] = []
  /// This walk's decisions, latest last, for `u`.
  private var decisions: [(index: Int, accepted: Bool, handles: [Int])] = []
  /// What a key could not do, kept for the summary of a scripted run.
  private var problems: [String] = []
  private var note: String?
  /// Whether the current card is still to be shown: a hint leaves the card above as it was.
  private var cardDue = true

  init(deck: any TriageDeck, keys: any KeySource, style: TextStyle, show: @escaping (String) -> Void) {
    self.deck = deck
    self.keys = keys
    self.style = style
    self.show = show
  }

  /// The context each side of `range` that keeps the line near `width` columns: a long span
  /// gets less of its sentence, so a card stays within a few lines.
  static func context(for range: TextRange) -> Int {
    max(8, min(context, (width - 4 - range.length) / 2))
  }

  /// A digit 1–9 in any script (١ and ۱ as well as 1), or nil.
  static func digit<S: StringProtocol>(_ text: S) -> Int? {
    guard text.count == 1, let value = text.first?.wholeNumberValue, (1...9).contains(value) else { return nil }
    return value
  }

  /// Walks the deck until the keys run out, `q`, the last item, or a signal.
  func run() -> TriageSummary {
    position = nextOpen(from: 0)
    var interrupted = false
    walk: while position < deck.count {
      if cardDue { showCard() }
      cardDue = true
      guard let key = keys.nextKey() else {
        interrupted = SignalHandling.pendingSignal != nil
        break
      }
      do {
        switch key {
        case "q", "\u{4}": break walk
        case "a": try accept(choice: nil, edits: nil)
        case "x": try reject()
        case " ":
          skipped.insert(position)
          position = nextOpen(from: position + 1)
        case "u": try undo()
        case "e":
          guard let line = keys.readLine(prompt: "attributes (key=value…): ") else { continue }
          // Enter alone changes one's mind: no decision.
          guard !line.trimmingCharacters(in: .whitespaces).isEmpty else {
            hint("nothing typed: no decision")
            continue
          }
          let (choice, edits) = try deck.edits(line)
          try accept(choice: choice, edits: edits)
        case "?":
          show(style.dim(Self.keyTable))
          cardDue = false
        case "\n", "\r": cardDue = false
        default:
          guard let choice = Self.digit(String(key)) else {
            hint("key \(String(key).visiblyEscaped) does nothing here: ? lists the keys")
            continue
          }
          try accept(choice: choice, edits: nil)
        }
      } catch {
        if SignalHandling.pendingSignal != nil {
          interrupted = true
          break walk
        }
        hint(ErrorReport.message(error))
      }
    }
    deck.leave(at: position)
    return TriageSummary(
      accepted: accepted, rejected: rejected, skipped: skipped.filter { deck.isOpen($0) }.count, total: deck.count,
      handles: handles, problems: problems, interrupted: interrupted)
  }

  private func accept(choice: Int?, edits: [(key: String, value: String)]?) throws {
    let outcome = try deck.accept(position, choice: choice, edits: edits)
    accepted += 1
    handles += outcome.handles
    decisions.append((position, true, outcome.handles))
    note = outcome.note
    position = nextOpen(from: position + 1)
  }

  private func reject() throws {
    try deck.reject(position)
    rejected += 1
    decisions.append((position, false, []))
    note = "rejected"
    position = nextOpen(from: position + 1)
  }

  /// Takes back this walk's last decision and makes its item current again.
  private func undo() throws {
    guard let last = decisions.last else {
      hint("nothing to undo in this triage")
      return
    }
    try deck.undo(last.index)
    decisions.removeLast()
    if last.accepted {
      accepted -= 1
      handles.removeAll { last.handles.contains($0) }
    } else {
      rejected -= 1
    }
    note = "undone"
    position = last.index
  }

  private func hint(_ text: String) {
    cardDue = false
    problems.append(text)
    show(style.yellow(text.visiblyEscaped))
  }

  private func nextOpen(from start: Int) -> Int {
    var index = start
    while index < deck.count && !deck.isOpen(index) { index += 1 }
    return index
  }

  /// The progress line and the card of the current item.
  private func showCard() {
    var progress =
      style.bold("\(position + 1)/\(deck.count)")
      + " · \(accepted) accepted · \(rejected) rejected" + style.dim("   ? keys")
    if let note { progress += "   " + style.green(note.visiblyEscaped) }
    note = nil
    do {
      show(([progress] + (try deck.card(position, style: style))).joined(separator: "\n"))
    } catch {
      show(progress + "\n" + style.yellow(ErrorReport.message(error).visiblyEscaped))
    }
  }
}
