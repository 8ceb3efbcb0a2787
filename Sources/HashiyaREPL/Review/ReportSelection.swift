import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// The reports a command works on: `--reports 1,3,7-9` or `all`.
enum ReportSelection {
  /// The ids named by `text`, or every report for nil/`all`.
  static func ids(_ text: String?, store: any ProjectStoring, command: String) throws -> [Int] {
    guard let text, text != "all" else { return try store.reportIDs(limit: Int.max) }
    var ids: [Int] = []
    for part in text.split(separator: ",") {
      let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { Handle.parse($0) }
      guard let first = bounds.first ?? nil, let last = bounds.last ?? nil, bounds.count <= 2, last >= first
      else {
        throw CommandError.usage(command: command, message: "--reports takes ids like 1,3,7-9 or all, not \"\(part)\"")
      }
      ids += Array(first...last)
    }
    return ids
  }
}
