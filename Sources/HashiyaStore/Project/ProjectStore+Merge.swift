import AnnotatorKit
import Foundation
import GRDB

extension ProjectStore {
  /// Brings a teammate's project in: reports matched by uid and text, annotations, links and
  /// reviews by UUID, their events appended. Running it twice changes nothing.
  ///
  /// An annotation edited on both sides keeps both histories in the log; the state with the later
  /// `updatedAt` becomes current. A report whose text differs under the same uid is reported and
  /// left alone, with everything said about it in the other file.
  ///
  /// `bundles` are the other file's reports as checked by the caller (every annotation against
  /// its text and schema); `rejected` names the annotations left out, whose events stay out too.
  public func merge(
    from other: ProjectStore, bundles: [ReportBundle], rejected: Set<String> = [], author: String
  ) throws -> MergeOutcome {
    let otherEvents = try other.events()
    let otherLayers = try other.layerRecords()
    return try write("merge \(other.path)") { db in
      var outcome = MergeOutcome()
      let now = Timestamp.now()
      for layer in otherLayers {
        try db.execute(
          sql: """
            INSERT OR IGNORE INTO plugins (id, version, kind, schema, registeredAt) VALUES (?, ?, ?, ?, ?)
            """, arguments: [layer.id, layer.version, layer.kind, layer.schemaJSON, now])
      }
      var skippedAnnotations = rejected
      for bundle in bundles {
        guard let reportID = try Self.mergeReport(db, bundle.report, author: author, now: now, outcome: &outcome) else {
          skippedAnnotations.formUnion(bundle.annotations.map(\.uuid))
          continue
        }
        var localHandles: [Int: Int] = [:]
        for annotation in bundle.annotations {
          localHandles[annotation.id] = try Self.mergeAnnotation(db, annotation, reportID: reportID, outcome: &outcome)
        }
        for link in bundle.links
        where try Int.fetchOne(db, sql: "SELECT 1 FROM links WHERE uuid = ?", arguments: [link.uuid]) == nil {
          guard let from = localHandles[link.fromID], let to = localHandles[link.toID] else { continue }
          try db.execute(
            sql: "INSERT INTO links (uuid, type, fromId, toId, author, status, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [link.uuid, link.type, from, to, link.author, link.status.rawValue, link.createdAt])
          outcome.linksAdded += 1
        }
        for review in bundle.reviews
        where try Int.fetchOne(db, sql: "SELECT 1 FROM reviews WHERE uuid = ?", arguments: [review.uuid]) == nil {
          guard let local = localHandles[review.annotationID] else { continue }
          try db.execute(
            sql:
              "INSERT INTO reviews (uuid, annotationId, reviewer, verdict, comment, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [review.uuid, local, review.reviewer, review.verdict.rawValue, review.comment, review.createdAt])
          outcome.reviewsAdded += 1
        }
      }
      outcome.eventsAppended = try Self.appendEvents(db, otherEvents, skipping: skippedAnnotations)
      if outcome.changedAnything {
        try Self.appendEvent(
          db,
          EventDraft(
            author: author, action: "merge", entity: "project", entityID: other.path,
            after: JSONWriter.string(
              .object([
                "source": .string(other.path), "reports": .int(outcome.reportsAdded),
                "annotations": .int(outcome.annotationsAdded), "updated": .int(outcome.annotationsUpdated),
                "events": .int(outcome.eventsAppended),
              ])), batch: UUID().uuidString.lowercased()))
      }
      return outcome
    }
  }

  /// The local id of the other file's report, inserting it when new; nil when the texts conflict.
  private static func mergeReport(
    _ db: Database, _ report: Report, author: String, now: String, outcome: inout MergeOutcome
  ) throws -> Int? {
    if let row = try Row.fetchOne(db, sql: "SELECT id, sha256 FROM reports WHERE uid = ?", arguments: [report.uid]) {
      let id: Int = try row.checked("id", "report \"\(report.uid)\"")
      guard try row.checked("sha256", "report #\(id)") == report.sha256 else {
        outcome.notes.append(
          "report \"\(report.uid)\" has a different text in the other file; kept ours (#\(id)) and skipped theirs")
        return nil
      }
      return id
    }
    if let existing = try Int.fetchOne(db, sql: "SELECT id FROM reports WHERE sha256 = ?", arguments: [report.sha256]) {
      return existing
    }
    let inserter = try ReportInserter(db: db, author: report.importedBy, now: report.importedAt)
    guard
      case .added(let id) = try inserter.insert(
        NewReport(
          uid: report.uid, title: report.title, text: report.text, language: report.language, source: report.source,
          url: report.url, published: report.published, metadataJSON: report.metadataJSON, hadBOM: report.hadBOM))
    else { return nil }
    outcome.reportsAdded += 1
    return id
  }

  /// The local handle of the other file's annotation, inserting or updating it as needed.
  private static func mergeAnnotation(
    _ db: Database, _ theirs: Annotation, reportID: Int, outcome: inout MergeOutcome
  ) throws -> Int {
    guard let ours = try annotation(db: db, uuid: theirs.uuid) else {
      let handleFree =
        try Int.fetchOne(db, sql: "SELECT 1 FROM annotations WHERE id = ?", arguments: [theirs.id]) == nil
      try db.execute(
        sql: """
          INSERT INTO annotations (id, uuid, reportId, layer, label, start, "end", quote, attributes, author, origin,
            status, createdAt, updatedAt)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          handleFree ? theirs.id : nil, theirs.uuid, reportID, theirs.layer, theirs.label, theirs.range.start,
          theirs.range.end, theirs.quote, JSONWriter.string(.object(theirs.attributes)), theirs.author, theirs.origin,
          theirs.status.rawValue, theirs.createdAt, theirs.updatedAt,
        ])
      outcome.annotationsAdded += 1
      return Int(db.lastInsertedRowID)
    }
    let same = ours.label == theirs.label && ours.attributes == theirs.attributes && ours.status == theirs.status
    if !same {
      if theirs.updatedAt > ours.updatedAt {
        try db.execute(
          sql: "UPDATE annotations SET label = ?, attributes = ?, status = ?, updatedAt = ? WHERE id = ?",
          arguments: [
            theirs.label, JSONWriter.string(.object(theirs.attributes)), theirs.status.rawValue, theirs.updatedAt,
            ours.id,
          ])
        outcome.annotationsUpdated += 1
        outcome.notes.append(
          "#\(ours.id) was changed on both sides; kept the newer one from the other file (\(theirs.updatedAt))")
      } else {
        outcome.notes.append("#\(ours.id) was changed on both sides; kept ours, the newer (\(ours.updatedAt))")
      }
    }
    return ours.id
  }

  /// Appends the other file's events that this log lacks, in their order; `reverts` is re-pointed
  /// at local event ids.
  private static func appendEvents(_ db: Database, _ events: [ProjectEvent], skipping: Set<String>) throws -> Int {
    var localIDs: [Int: Int] = [:]
    var appended = 0
    for event in events {
      if let local = try Int.fetchOne(db, sql: "SELECT id FROM events WHERE uuid = ?", arguments: [event.uuid]) {
        localIDs[event.id] = local
        continue
      }
      if let entity = event.entityID, skipping.contains(entity) { continue }
      try db.execute(
        sql: """
          INSERT INTO events (uuid, at, author, action, entity, entityId, reportId, before, after, reverts, batch)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          event.uuid, event.at, event.author, event.action, event.entity, event.entityID,
          try localReportID(db, event), event.before, event.after, event.reverts.flatMap { localIDs[$0] }, event.batch,
        ])
      localIDs[event.id] = Int(db.lastInsertedRowID)
      appended += 1
    }
    return appended
  }

  /// Report ids are local: re-derive the event's report from the annotation it is about.
  private static func localReportID(_ db: Database, _ event: ProjectEvent) throws -> Int? {
    guard let entity = event.entityID else { return nil }
    switch event.entity {
    case "annotation":
      return try Int.fetchOne(db, sql: "SELECT reportId FROM annotations WHERE uuid = ?", arguments: [entity])
    case "link":
      return try Int.fetchOne(
        db, sql: "SELECT a.reportId FROM links l JOIN annotations a ON a.id = l.fromId WHERE l.uuid = ?",
        arguments: [entity])
    default:
      return nil
    }
  }
}
