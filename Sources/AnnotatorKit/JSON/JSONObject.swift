/// An ordered list of JSON object members, looked up by key.
///
/// Order is kept because exported files are diffed and read by people. Small objects (annotation
/// attributes, records) are scanned linearly, which is cheaper than hashing; an object past
/// `indexThreshold` members also keeps a key index, so reading or building an object of any size
/// costs linear time rather than quadratic. Duplicate keys from parsed input are kept as-is; reads
/// see the last one, as in JavaScript.
public struct JSONObject: Sendable, Hashable {
  public typealias Member = (key: String, value: JSONValue)

  /// Objects with more members than this keep a key index.
  static let indexThreshold = 16

  /// The members in document order.
  public private(set) var pairs: [Member]

  /// For a large object, each key's last position (what a read sees). Keys repeat exactly when it
  /// has fewer entries than there are members, so no flag is kept beside it: an object stays two
  /// words, and a `JSONValue` no bigger than a string.
  private var index: [String: Int]?

  private static func makeIndex(_ pairs: [Member]) -> [String: Int]? {
    guard pairs.count > indexThreshold else { return nil }
    var last = [String: Int](minimumCapacity: pairs.count)
    for (position, member) in pairs.enumerated() { last[member.key] = position }
    return last
  }

  /// Whether the index exists and every key is unique.
  private var indexHasUniqueKeys: Bool { index?.count == pairs.count }

  public init() {
    pairs = []
  }

  /// Takes `pairs` verbatim, duplicates included, so parsing never pays for de-duplication.
  public init(_ pairs: [Member]) {
    self.pairs = pairs
    index = Self.makeIndex(pairs)
  }

  public var keys: [String] { pairs.map(\.key) }

  /// The value for `key`; assigning replaces the member in place (dropping any
  /// later duplicates) or appends it, and assigning nil removes every match.
  public subscript(key: String) -> JSONValue? {
    get {
      if let index { return index[key].map { pairs[$0].value } }
      var i = pairs.count
      while i > 0 {
        i -= 1
        if pairs[i].key == key { return pairs[i].value }
      }
      return nil
    }
    set {
      guard let newValue else {
        if index != nil, index?[key] == nil { return }
        pairs.removeAll { $0.key == key }
        reindex()
        return
      }
      // Asked without binding the index: a bound copy would share its storage, and the append
      // below would then copy the whole dictionary for every new key.
      if indexHasUniqueKeys {
        // Keys are unique, so the last position is the only one.
        if let position = index?[key] {
          pairs[position].value = newValue
        } else {
          append(key: key, value: newValue)
        }
        return
      }
      guard let first = pairs.firstIndex(where: { $0.key == key }) else {
        append(key: key, value: newValue)
        return
      }
      pairs[first].value = newValue
      var i = pairs.count - 1
      var removed = false
      while i > first {
        if pairs[i].key == key {
          pairs.remove(at: i)
          removed = true
        }
        i -= 1
      }
      if removed { reindex() }
    }
  }

  /// Appends without checking for an existing key; the cheap path for builders that know keys are unique.
  public mutating func append(key: String, value: JSONValue) {
    pairs.append((key: key, value: value))
    if index != nil {
      index?[key] = pairs.count - 1
    } else if pairs.count > Self.indexThreshold {
      index = Self.makeIndex(pairs)
    }
  }

  /// Rebuilds the index after members moved.
  private mutating func reindex() {
    index = Self.makeIndex(pairs)
  }

  /// Order-sensitive, matching how the writer would serialize both sides.
  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    guard lhs.pairs.count == rhs.pairs.count else { return false }
    for (l, r) in zip(lhs.pairs, rhs.pairs) where l.key != r.key || l.value != r.value {
      return false
    }
    return true
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(pairs.count)
    for member in pairs {
      hasher.combine(member.key)
      hasher.combine(member.value)
    }
  }
}

extension JSONObject: RandomAccessCollection {
  public var startIndex: Int { pairs.startIndex }
  public var endIndex: Int { pairs.endIndex }
  public subscript(position: Int) -> Member { pairs[position] }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self.init(elements.map { (key: $0.0, value: $0.1) })
  }
}
