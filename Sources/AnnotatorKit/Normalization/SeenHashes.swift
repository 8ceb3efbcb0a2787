/// The set of 64-bit hashes a report's clitic column has written, in an open-addressed table.
///
/// The hashes are FNV-1a already: the standard `Set` hashed each one again with SipHash, which
/// cost the column more than finding the forms. A slot holds a hash as it is, zero marking an
/// empty one (a zero hash is kept as one: another 64-bit collision).
struct SeenHashes {
  private var slots: [UInt64]
  private var count = 0
  /// `slots.count` is 2 to this power.
  private var bits: Int

  /// A table for about `capacity` hashes before it first grows.
  init(capacity: Int) {
    bits = 4
    while 1 << bits < capacity * 2 { bits += 1 }
    slots = Array(repeating: 0, count: 1 << bits)
  }

  /// Adds `hash`; false when it was there already.
  mutating func insert(_ hash: UInt64) -> Bool {
    let key = hash == 0 ? 1 : hash
    if (count + 1) * 2 > slots.count { grow() }
    let mask = slots.count - 1
    // Fibonacci hashing takes the well-mixed high bits: FNV-1a's low bits depend on few inputs.
    var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    while slots[index] != 0 {
      if slots[index] == key { return false }
      index = (index + 1) & mask
    }
    slots[index] = key
    count += 1
    return true
  }

  private mutating func grow() {
    let old = slots
    bits += 1
    slots = Array(repeating: 0, count: 1 << bits)
    count = 0
    for key in old where key != 0 { _ = insert(key) }
  }
}
