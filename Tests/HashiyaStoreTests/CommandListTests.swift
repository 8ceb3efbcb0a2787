import AnnotatorKit
import AnnotatorTesting
import Foundation
import GRDB
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

/// Undo finds the command to revert in the list of each author's commands rather than by folding
/// the whole log: a file of an earlier version gains the list from its log when it is upgraded,
/// and a copy derives it from the log it receives.
@Suite struct CommandListTests {
  let folder = TemporaryFolder()

  /// A project with one report where amal tagged a speaker, then gave it a role.
  func tagged(_ name: String) throws -> ProjectStore {
    let store = try ProjectStore.open(path: folder.path(name))
    _ = try store.importReports(author: "setup", source: "test") {
      try $0.insert(NewReport(title: "t", text: "أكد “كيفين كويثي” 👍🏽\r\nأنهم دربوا 120 ألف مقاتل.", language: "ar"))
    }
    try store.change(author: "amal") {
      try $0.add(
        NewAnnotation(
          reportID: 1, layer: "speaker-tagging", label: "speaker", range: TextRange(5, 16), quote: "كيفين كويثي"))
    }
    try store.change(author: "amal") { try $0.update(1, attributes: ["role": "قائد"]) }
    return store
  }

  func commands(_ store: ProjectStore) throws -> [[String]] {
    try store.read("commands") { db in
      try Row.fetchAll(db, sql: "SELECT author, kind FROM commands ORDER BY firstEvent").map {
        [$0[0], $0[1]]
      }
    }
  }

  @Test func aFileOfTheVersionBeforeGainsItsListWhenUpgraded() throws {
    let path = folder.path("old.hashiya")
    do {
      let store = try tagged("old.hashiya")
      _ = try store.undo(author: "amal")
      // Version 11 had no list of commands.
      try store.database.writeWithoutTransaction { db in
        try OlderProjectFile.removeCommandList(db)
        try db.execute(sql: "PRAGMA user_version = 11")
      }
    }
    let upgraded = try ProjectStore.open(path: path)
    #expect(try commands(upgraded) == [["amal", "change"], ["amal", "change"], ["amal", "undo"]])
    // The undone role can be redone, and the tag undone after it: the stacks are the log's.
    _ = try upgraded.redo(author: "amal")
    #expect(try upgraded.annotation(id: 1).attributes["role"] == "قائد")
    _ = try upgraded.undo(author: "amal")
    _ = try upgraded.undo(author: "amal")
    #expect(try upgraded.annotation(id: 1).status == .deleted)
  }

  @Test func aCopyDerivesTheListFromTheLogItReceives() throws {
    let original = try tagged("original.hashiya")
    let copy = try ProjectStore.open(path: folder.path("copy.hashiya"))
    try copy.load(from: original)
    #expect(try commands(copy) == commands(original))
    #expect(try commands(copy) == [["amal", "change"], ["amal", "change"]])
    _ = try copy.undo(author: "amal")
    #expect(try copy.annotation(id: 1).attributes.isEmpty)
  }
}
