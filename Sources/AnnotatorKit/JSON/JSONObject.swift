/// An ordered list of JSON object members, looked up by key.
///
/// Order is kept because exported files are diffed and read by people. Lookup
/// is a linear scan: annotation objects are small, and a hash index would cost
/// more to build during bulk parsing than it saves. Duplicate keys from parsed
/// input are kept as-is; reads see the last one, as in JavaScript.
public struct JSONObject: Sendable, Hashable {
  public typealias Member = (key: String, value: JSONValue)

  /// The members in document order.
  public var pairs: [Member]

  public init() {
    pairs = []
  }

  /// Takes `pairs` verbatim, duplicates included, so parsing never pays for de-duplication.
  public init(_ pairs: [Member]) {
    self.pairs = pairs
  }

  public var keys: [String] { pairs.map(\.key) }

  /// The value for `key`; assigning replaces the member in place (dropping any
  /// later duplicates) or appends it, and assigning nil removes every match.
  public subscript(key: String) -> JSONValue? {
    get {
      var i = pairs.count
      while i > 0 {
        i -= 1
        if pairs[i].key == key { return pairs[i].value }
      }
      return nil
    }
    set {
      guard let newValue else {
        pairs.removeAll { $0.key == key }
        return
      }
      guard let first = pairs.firstIndex(where: { $0.key == key }) else {
        pairs.append((key: key, value: newValue))
        return
      }
      pairs[first].value = newValue
      var i = pairs.count - 1
      while i > first {
        if pairs[i].key == key { pairs.remove(at: i) }
        i -= 1
      }
    }
  }

  /// Appends without checking for an existing key; the cheap path for builders that know keys are unique.
  public mutating func append(key: String, value: JSONValue) {
    pairs.append((key: key, value: value))
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
    pairs = elements.map { (key: $0.0, value: $0.1) }
  }
}
