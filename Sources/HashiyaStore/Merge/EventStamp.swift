import HashiyaModel

/// Where an event stands in the one order every machine agrees on: time, then author, then id.
///
/// Event times come from a clock that never runs behind the log it writes to (see
/// `ProjectStore.nextEventTime`), so a change made after seeing another orders after it; two
/// changes made apart order by time, and a tie by author and event id, identically everywhere.
struct EventStamp: Comparable {
  var at: String
  var author: String
  var uuid: String

  static func < (a: Self, b: Self) -> Bool { (a.at, a.author, a.uuid) < (b.at, b.author, b.uuid) }
}
