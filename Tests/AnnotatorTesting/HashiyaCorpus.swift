import Foundation

/// Real Arabic news for tests, read from the shared corpora beside the checkout (never copied in).
public enum HashiyaCorpus {
  /// The folder that holds the checkout and, beside it, `shared/corpora`.
  static let workspace = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// One day of SaudiNewsNet (1,263 articles) as JSON Lines in Hashiya's import format.
  public static var saudiNewsNet: String {
    workspace.appendingPathComponent("shared/corpora/saudinewsnet-2015-08-01.jsonl").path
  }
}
