import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// The user's candidates of their last `suggest`, as the project keeps them: read a page or a
/// few numbers at a time, never all at once, and the same after a restart.
public struct PendingSuggestions {
  /// Candidates shown or read at once.
  public static let pageSize = 200

  let store: any ProjectStoring
  let author: String

  /// How many pages a list of `total` candidates fills (at least one).
  public static func pages(total: Int) -> Int {
    max(1, (total + pageSize - 1) / pageSize)
  }

  /// How many candidates the list holds, decided ones included.
  public func count() throws -> Int {
    try store.pendingSuggestionTotal(author: author)
  }

  /// How many candidates the list holds by layer, and how many of them are still open.
  public func counts() throws -> [(layer: String, total: Int, open: Int)] {
    try store.pendingSuggestionCounts(author: author)
  }

  /// Candidate `number`, or `noSuchSuggestion`.
  public func item(_ number: Int) throws -> PendingSuggestion {
    guard let found = try store.pendingSuggestions(author: author, numbers: [number]).first else {
      throw CommandError.noSuchSuggestion(number, count: try count())
    }
    return found
  }

  /// The candidates with these numbers, in number order.
  public func list(_ numbers: [Int]) throws -> [PendingSuggestion] {
    try store.pendingSuggestions(author: author, numbers: numbers)
  }

  /// The candidates with these numbers, by number.
  public func items(_ numbers: [Int]) throws -> [Int: PendingSuggestion] {
    Dictionary(try list(numbers).map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// Page `page` (from 1) of the list.
  public func page(_ page: Int) throws -> [PendingSuggestion] {
    let first = (page - 1) * Self.pageSize + 1
    return try store.pendingSuggestions(author: author, numbers: first...(first + Self.pageSize - 1))
  }

  /// The numbers in the list, of one layer or all, open ones only if asked.
  public func numbers(layer: String? = nil, openOnly: Bool = false) throws -> [Int] {
    try store.pendingSuggestionNumbers(author: author, layer: layer, openOnly: openOnly)
  }
}
