import AnnotatorKit
import AnnotatorTesting
import Foundation
import HashiyaModel
import HashiyaPostgres
import Testing

/// Two teammates' sessions racing on one server project lose nothing of each other's work.
@Suite(.enabled(if: PostgresCluster.isAvailable)) struct ConcurrentEditTests {
  /// A server project with one report and one annotation, and two sessions on it.
  func twoSessions() throws -> (PostgresProjectStore, PostgresProjectStore, Int) {
    let cluster = PostgresCluster.shared
    let url = cluster.url(database: try cluster.createDatabase())
    let first = try PostgresProjectStore.create(url)
    try first.importReports(author: "amal", source: "test") {
      try $0.insert(NewReport(title: "تقرير", text: SeedReport.text, language: "ar"))
    }
    let annotation = try first.change(author: "amal") {
      try $0.add(
        NewAnnotation(
          reportID: 1, layer: "claims", label: "claim", range: TextRange(0, 5), quote: "أخبار",
          attributes: ["count": .int(0)]))
    }
    return (first, try PostgresProjectStore.open(url), annotation.id)
  }

  /// Each session reads the annotation's count and writes it plus one, 40 times, at once: with
  /// a lost update the count would end below 80.
  @Test func readModifyWriteEditsFromTwoSessionsAllCount() throws {
    let (first, second, id) = try twoSessions()
    let rounds = 40
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      let store = index == 0 ? first : second
      for _ in 0..<rounds {
        _ = try? store.change(author: "amal") { changes in
          let current = try changes.annotation(id)
          let count = current.attributes["count"]?.intValue ?? 0
          return try changes.update(id, label: nil, attributes: ["count": .int(count + 1)])
        }
      }
    }
    #expect(try first.annotation(id: id).attributes["count"]?.intValue == 2 * rounds)
    #expect(try first.history(ofAnnotation: id).filter { $0.action == "update" }.count == 2 * rounds)
  }

  /// An undo racing a teammate's edit either comes first or is refused; it never overwrites it.
  @Test func anUndoNeverOverwritesARacingEdit() throws {
    let (first, second, id) = try twoSessions()
    _ = try first.change(author: "amal") { try $0.update(id, label: "statistic", attributes: nil) }
    let undoError = ErrorBox()
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      if index == 0 {
        do { _ = try first.undo(author: "amal") } catch { undoError.set(error) }
      } else {
        _ = try? second.change(author: "karim") { try $0.update(id, label: "opinion", attributes: nil) }
      }
    }
    let label = try first.annotation(id: id).label
    // Either the undo ran first and karim's edit came after, or karim's came first and the undo
    // was refused: karim's label stands in both cases.
    #expect(label == "opinion")
    if let undoError = undoError.error {
      #expect(undoError as? StoreError == .changedSince(action: "undo", handle: id, by: "karim"))
    }
  }
}

/// An error one thread leaves for the test to read.
final class ErrorBox: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: (any Error)?

  func set(_ error: any Error) { lock.withLock { stored = error } }

  var error: (any Error)? { lock.withLock { stored } }
}
