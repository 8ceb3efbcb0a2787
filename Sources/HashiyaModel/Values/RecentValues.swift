/// The values made for the last few keys asked for, so a bulk command that moves back and forth
/// among a handful of reports reads and analyses each once; the least recently made goes first.
package struct RecentValues<Key: Hashable, Value> {
  /// How many values are kept at most.
  package let capacity: Int
  private var values: [Key: Value] = [:]
  /// Keys in the order their values were made, oldest first.
  private var order: [Key] = []

  package init(capacity: Int) {
    self.capacity = max(1, capacity)
  }

  /// The value kept for `key`, or the one `make` makes, kept in place of the oldest when full.
  package mutating func value(for key: Key, orMake make: () throws -> Value) rethrows -> Value {
    if let kept = values[key] { return kept }
    let made = try make()
    if order.count == capacity { values[order.removeFirst()] = nil }
    values[key] = made
    order.append(key)
    return made
  }
}
