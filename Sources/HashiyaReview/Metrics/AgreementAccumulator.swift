import AnnotatorKit

/// Running tallies for `AgreementMetrics`, one per worker, merged at the end.
///
/// Labels are interned to small integers up front (0 = no span, -1 = the
/// annotator did not work on the document) so the per-token loop touches only
/// flat integer buffers.
struct AgreementAccumulator {
  struct SpanTally {
    var inFirst = 0
    var inSecond = 0
    var exact = 0
    var overlap = 0
  }

  /// A span reduced to what the per-document loops need, so they copy no strings or dictionaries.
  struct Compact {
    var range: TextRange
    /// The further pieces of a discontinuous span: painted like `range`, and part of what an
    /// exact match must equal.
    var fragments: [TextRange]
    var label: Int32
    /// Index into the document's `spans`.
    var index: Int
  }

  struct AttributeKey: Hashable {
    var pair: Int
    var label: Int
    var name: String
  }

  let coderCount: Int
  let labelCount: Int
  let pairs: [(Int, Int)]
  private let labelIDs: [String: Int32]
  private let annotatorIndex: [String: Int]
  private let annotators: [String]

  private(set) var documents = 0
  private(set) var tokens = 0
  /// Distinct per-token code rows with multiplicities, packed into one integer
  /// (base `labelCount + 1`, code + 1 per digit) when that fits, to avoid an
  /// allocation per row.
  private var packedProfiles: [Int: Int] = [:]
  private var arrayProfiles: [[Int32]: Int] = [:]
  private let packable: Bool
  /// Indexed `pair * labelCount + label`.
  private(set) var spanTallies: [SpanTally]
  private(set) var linkTallies: [LinkAgreement]
  private(set) var attributeTallies: [AttributeKey: AttributeAgreement] = [:]

  private var tokenCodes: [Int32] = []
  /// Token indices where a row of `tokenCodes` may differ from the one before: the first token a
  /// span paints and the one after each it paints.
  private var changes: [Int] = []

  init(annotators: [String], labelIDs: [String: Int32], labelCount: Int) {
    self.annotators = annotators
    self.labelIDs = labelIDs
    self.labelCount = labelCount
    coderCount = annotators.count
    var index: [String: Int] = [:]
    for (i, name) in annotators.enumerated() { index[name] = i }
    annotatorIndex = index
    var pairs: [(Int, Int)] = []
    for a in annotators.indices {
      for b in annotators.indices where b > a { pairs.append((a, b)) }
    }
    self.pairs = pairs
    var capacity = 1
    var fits = true
    for _ in 0..<coderCount {
      let (next, overflow) = capacity.multipliedReportingOverflow(by: labelCount + 1)
      if overflow {
        fits = false
        break
      }
      capacity = next
    }
    packable = fits
    spanTallies = Array(repeating: SpanTally(), count: pairs.count * labelCount)
    linkTallies = Array(repeating: LinkAgreement(agreeing: 0, pairs: 0), count: pairs.count * labelCount)
  }

  mutating func add(_ document: ReviewDocument) {
    var coded = [Bool](repeating: document.annotators == nil, count: coderCount)
    if let listed = document.annotators {
      for name in listed {
        if let a = annotatorIndex[name] { coded[a] = true }
      }
    }
    var spansOf = [[Compact]](repeating: [], count: coderCount)
    // One annotator's spans usually come together, so remembering the last
    // lookup saves hashing a name per span.
    var lastName: String?
    var lastIndex: Int?
    // Indexing rather than iterating keeps each span borrowed instead of copied (and retained).
    let spans = document.spans
    for i in spans.indices {
      if spans[i].annotator != lastName {
        lastName = spans[i].annotator
        lastIndex = annotatorIndex[spans[i].annotator]
      }
      // A label unknown to the tallies can only come from a write between the reads that
      // listed the labels and read the spans; such a span is left out rather than trusted.
      guard let a = lastIndex, let label = labelIDs[spans[i].label] else { continue }
      coded[a] = true
      spansOf[a].append(Compact(range: spans[i].range, fragments: spans[i].fragments, label: label, index: i))
    }
    guard coded.contains(true) else { return }
    documents += 1
    addTokens(document.tokens, spansOf: spansOf, coded: coded)
    for (p, (a, b)) in pairs.enumerated() where coded[a] && coded[b] {
      addSpans(pair: p, first: spansOf[a], second: spansOf[b], in: document.spans)
    }
  }

  mutating func merge(_ other: AgreementAccumulator) {
    documents += other.documents
    tokens += other.tokens
    packedProfiles.merge(other.packedProfiles, uniquingKeysWith: +)
    arrayProfiles.merge(other.arrayProfiles, uniquingKeysWith: +)
    for i in spanTallies.indices {
      let o = other.spanTallies[i]
      spanTallies[i].inFirst += o.inFirst
      spanTallies[i].inSecond += o.inSecond
      spanTallies[i].exact += o.exact
      spanTallies[i].overlap += o.overlap
      linkTallies[i] = linkTallies[i] + other.linkTallies[i]
    }
    attributeTallies.merge(other.attributeTallies) {
      AttributeAgreement(name: $0.name, agreeing: $0.agreeing + $1.agreeing, pairs: $0.pairs + $1.pairs)
    }
  }

  /// Distinct per-token code rows (-1 = not coded) with multiplicities; the input to every token-level coefficient.
  var profiles: [[Int32]: Int] {
    var all = arrayProfiles
    for (key, count) in packedProfiles {
      var row = [Int32](repeating: 0, count: coderCount)
      var rest = key
      for a in stride(from: coderCount - 1, through: 0, by: -1) {
        row[a] = Int32(rest % (labelCount + 1)) - 1
        rest /= labelCount + 1
      }
      all[row, default: 0] += count
    }
    return all
  }

  // MARK: Tokens

  private mutating func addTokens(_ tokenRanges: [TextRange], spansOf: [[Compact]], coded: [Bool]) {
    let n = tokenRanges.count
    guard n > 0 else { return }
    tokens += n
    tokenCodes.removeAll(keepingCapacity: true)
    tokenCodes.append(contentsOf: repeatElement(0, count: n * coderCount))
    changes.removeAll(keepingCapacity: true)
    // Binary search needs starts and ends both in order; odd tokenizations fall back to a scan.
    var monotone = true
    for i in 1..<n
    where tokenRanges[i].start < tokenRanges[i - 1].start || tokenRanges[i].end < tokenRanges[i - 1].end {
      monotone = false
      break
    }
    for a in 0..<coderCount {
      let base = a * n
      guard coded[a] else {
        for t in 0..<n { tokenCodes[base + t] = -1 }
        continue
      }
      // Painted last-wins, so the span that must win (earliest start, then longest) goes last.
      let order = spansOf[a].sorted {
        ($0.range.start, -$0.range.end, $0.index) > ($1.range.start, -$1.range.end, $1.index)
      }
      for span in order {
        // A span in pieces labels the tokens of each piece, not the words between them.
        paint(span.range, code: span.label, base: base, tokenRanges, monotone: monotone)
        for piece in span.fragments { paint(piece, code: span.label, base: base, tokenRanges, monotone: monotone) }
      }
    }
    // Rows stay the same between the tokens where painting starts or stops, and most text is
    // unlabelled, so each stretch is counted once instead of comparing every token's row.
    changes.append(n)
    changes.sort()
    var runStart = 0
    for change in changes where change > runStart {
      if packable {
        var key = 0
        for a in 0..<coderCount { key = key * (labelCount + 1) + Int(tokenCodes[a * n + runStart]) + 1 }
        packedProfiles[key, default: 0] += change - runStart
      } else {
        var row = [Int32](repeating: 0, count: coderCount)
        for a in 0..<coderCount { row[a] = tokenCodes[a * n + runStart] }
        arrayProfiles[row, default: 0] += change - runStart
      }
      runStart = change
    }
  }

  /// Gives `code` to one annotator's tokens (from `base`) that overlap `range`.
  private mutating func paint(_ range: TextRange, code: Int32, base: Int, _ tokenRanges: [TextRange], monotone: Bool) {
    let n = tokenRanges.count
    var t = monotone ? firstToken(endingAfter: range.start, in: tokenRanges) : 0
    while t < n {
      let token = tokenRanges[t]
      if monotone && token.start >= range.end { break }
      if token.overlaps(range) {
        tokenCodes[base + t] = code
        changes.append(t)
        changes.append(t + 1)
      }
      t += 1
    }
  }

  private func firstToken(endingAfter offset: Int, in tokenRanges: [TextRange]) -> Int {
    var lo = 0
    var hi = tokenRanges.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if tokenRanges[mid].end > offset { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }

  // MARK: Spans

  private mutating func addSpans(pair p: Int, first: [Compact], second: [Compact], in spans: [ReviewSpan]) {
    let a = first.map { SpanMatcher.Key(range: $0.range, fragments: $0.fragments, label: Int($0.label)) }
    let b = second.map { SpanMatcher.Key(range: $0.range, fragments: $0.fragments, label: Int($0.label)) }
    let row = p * labelCount
    for key in a { spanTallies[row + key.label].inFirst += 1 }
    for key in b { spanTallies[row + key.label].inSecond += 1 }
    for (i, _) in SpanMatcher.exact(a, b) { spanTallies[row + a[i].label].exact += 1 }
    let matches = SpanMatcher.overlap(a, b)
    guard !matches.isEmpty else { return }
    var partner: [Int: Int] = [:]
    for (i, j) in matches {
      let label = a[i].label
      spanTallies[row + label].overlap += 1
      let (x, y) = (first[i].index, second[j].index)
      for (name, value) in spans[x].attributes {
        addAttribute(name, agrees: spans[y].attributes[name] == value, pair: p, label: label)
      }
      for name in spans[y].attributes.keys where spans[x].attributes[name] == nil {
        addAttribute(name, agrees: false, pair: p, label: label)
      }
      guard !spans[x].links.isEmpty || !spans[y].links.isEmpty else { continue }
      if partner.isEmpty {
        for (i, j) in matches { partner[spans[first[i].index].id] = spans[second[j].index].id }
      }
      linkTallies[row + label].pairs += 1
      if linksAgree(spans[x].links, spans[y].links, partner: partner) { linkTallies[row + label].agreeing += 1 }
    }
  }

  private mutating func addAttribute(_ name: String, agrees: Bool, pair: Int, label: Int) {
    let key = AttributeKey(pair: pair, label: label, name: name)
    var tally = attributeTallies[key] ?? AttributeAgreement(name: name, agreeing: 0, pairs: 0)
    tally.pairs += 1
    if agrees { tally.agreeing += 1 }
    attributeTallies[key] = tally
  }

  private func linksAgree(_ x: [ReviewLink], _ y: [ReviewLink], partner: [Int: Int]) -> Bool {
    guard x.count == y.count else { return false }
    var translated: [ReviewLink] = []
    for link in x {
      guard let target = partner[link.target] else { return false }
      translated.append(ReviewLink(type: link.type, target: target))
    }
    let order = { (l: ReviewLink, r: ReviewLink) in (l.type, l.target) < (r.type, r.target) }
    return translated.sorted(by: order) == y.sorted(by: order)
  }
}
