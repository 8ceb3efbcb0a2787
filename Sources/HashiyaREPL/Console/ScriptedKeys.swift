/// Keys given in advance (`triage --keys "aax u q"`), replayed one by one.
///
/// After `e`, the attributes are the text up to the next line break (or the end of the keys),
/// so a script can edit and go on: `e status=confirmed⏎a`.
final class ScriptedKeys: KeySource {
  private var keys: [Character]
  private var position = 0

  init(_ keys: String) {
    self.keys = Array(keys)
  }

  func nextKey() -> Character? {
    guard position < keys.count else { return nil }
    defer { position += 1 }
    return keys[position]
  }

  func readLine(prompt: String) -> String? {
    guard position < keys.count else { return nil }
    let end = keys[position...].firstIndex { $0.isNewline } ?? keys.count
    defer { position = min(end + 1, keys.count) }
    return String(keys[position..<end]).trimmingCharacters(in: .whitespaces)
  }
}
