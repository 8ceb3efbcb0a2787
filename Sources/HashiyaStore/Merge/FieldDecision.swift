import AnnotatorKit
import HashiyaModel

/// The changes to one field in a merged log, and what they decide: the latest change's value,
/// and a conflict when both sides changed the field differently since they parted.
struct FieldDecision {
  /// Which log an event came from, relative to this merge.
  enum Side {
    /// Both logs had it: the history the two copies share.
    case common
    /// Only this project's log had it.
    case ours
    /// Only the other file's log had it.
    case theirs
  }

  /// A value and the change that set it.
  struct Setting {
    var value: JSONValue?
    var stamp: EventStamp
  }

  /// The value kept and the other side's value it beat.
  struct Conflict {
    var kept: Setting
    var other: Setting
  }

  private(set) var winner: Setting?
  private var latestOurs: Setting?
  private var latestTheirs: Setting?

  mutating func add(_ value: JSONValue?, at stamp: EventStamp, side: Side) {
    let setting = Setting(value: value, stamp: stamp)
    Self.keepLater(setting, in: &winner)
    switch side {
    case .common: break
    case .ours: Self.keepLater(setting, in: &latestOurs)
    case .theirs: Self.keepLater(setting, in: &latestTheirs)
    }
  }

  var conflict: Conflict? {
    guard let ours = latestOurs, let theirs = latestTheirs, ours.value != theirs.value, let winner else {
      return nil
    }
    return Conflict(kept: winner, other: winner.stamp == ours.stamp ? theirs : ours)
  }

  private static func keepLater(_ setting: Setting, in slot: inout Setting?) {
    if let current = slot, current.stamp > setting.stamp { return }
    slot = setting
  }
}
