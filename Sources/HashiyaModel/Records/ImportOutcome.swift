/// What one import changed: the reports it added and the ones it already had.
public struct ImportOutcome: Sendable, Equatable {
  public var added: [Int] = []
  public var duplicates: [Int] = []

  /// An outcome with nothing in it yet.
  public init() {}
}
