import AnnotatorKit
import AnnotatorTesting
import Foundation
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

/// Names as members declare them, and the team a project keeps: who leads, who is refused, who
/// may change whose annotations.
@Suite struct TeamStoreTests {
  let folder = TemporaryFolder()

  func makeStore(_ name: String = "team.hashiya") throws -> ProjectStore {
    try ProjectStore.open(path: folder.path(name))
  }

  @Test func namesAreNFCTrimmedAndComparedCaseFolded() throws {
    let decomposed = try MemberName("  لِينا\u{0301} ")
    #expect(decomposed.spelling == "لِينا\u{0301}".precomposedStringWithCanonicalMapping)
    #expect(try MemberName("Amal").folded == MemberName("amal").folded)
    #expect(try MemberName("Amal").spelling == "Amal")
    #expect(try MemberName("STRASSE").folded == MemberName("straße").folded)
    #expect(try MemberName("e\u{0301}mile").folded == MemberName("\u{00C9}mile").folded)
  }

  @Test func emptyBlankAndControlNamesAreRefused() {
    #expect(throws: TeamError.emptyName) { try MemberName("") }
    #expect(throws: TeamError.emptyName) { try MemberName(" \t ") }
    #expect(throws: TeamError.controlCharacters("a\u{1B}[2Jb")) { try MemberName("a\u{1B}[2Jb") }
    #expect(throws: TeamError.controlCharacters("ab\nc")) { try MemberName("ab\nc") }
    #expect(throws: TeamError.controlCharacters("\u{202E}lina")) { try MemberName("\u{202E}lina") }
    #expect(throws: (any Error).self) { try MemberName(String(repeating: "ع", count: 65)) }
  }

  @Test func theFirstUserLeadsAndOthersMustBeAdded() throws {
    let store = try makeStore()
    let founder = try store.admit("Amal")
    #expect(founder.role == .lead && founder.name == "Amal")
    #expect(try store.admit("amal").name == "Amal")
    #expect(throws: TeamError.unknownMember("amla", suggestion: "Amal")) { try store.admit("amla") }
    #expect(throws: TeamError.unknownMember("كريم", suggestion: nil)) { try store.admit("كريم") }
    try store.setMember("كريم", role: .annotator, by: "amal")
    #expect(try store.admit("كريم").role == .annotator)
    #expect(try store.teamMembers().map(\.name) == ["Amal", "كريم"])
  }

  @Test func onlyLeadsChangeTheTeamAndTheLastLeadStays() throws {
    let store = try makeStore()
    _ = try store.admit("amal")
    try store.setMember("karim", role: .annotator, by: "amal")
    #expect(throws: TeamError.leadsOnly(action: "changing the team", user: "karim")) {
      try store.setMember("lina", role: .annotator, by: "karim")
    }
    #expect(throws: TeamError.lastLead("amal")) { try store.removeMember("amal", by: "amal") }
    #expect(throws: TeamError.lastLead("amal")) { try store.setMember("AMAL", role: .annotator, by: "amal") }
    try store.removeMember("Karim", by: "amal")
    #expect(throws: TeamError.removedMember("karim")) { try store.admit("karim") }
    #expect(try store.teamMembers(includingRemoved: true).map(\.isActive) == [true, false])
    try store.setMember("karim", role: .annotator, by: "amal")
    #expect(try store.admit("karim").isActive)
  }

  @Test func blindIsOnByDefaultFromTwoAnnotatorsAndSetPerLayer() throws {
    let store = try makeStore()
    _ = try store.admit("lead")
    try store.setMember("amal", role: .annotator, by: "lead")
    #expect(try !store.access(for: "amal").isRestricted)
    try store.setMember("karim", role: .annotator, by: "lead")
    let amal = try store.access(for: "amal")
    #expect(amal.isBlind("claim-labeling") && amal.isRestricted)
    #expect(try !store.access(for: "lead").isRestricted)
    try store.setBlind(false, layer: "translation-notes", by: "lead")
    let after = try store.access(for: "amal")
    #expect(!after.isBlind("translation-notes") && after.isBlind("claim-labeling"))
    #expect(throws: TeamError.leadsOnly(action: "changing blind annotation", user: "amal")) {
      try store.setBlind(false, layer: nil, by: "amal")
    }
  }

  @Test func annotatorsChangeOnlyTheirOwnAnnotationsAndLeadsAnyone() throws {
    let store = try makeStore()
    _ = try store.importReports(author: "lead", source: "test") { inserter in
      try inserter.insert(NewReport(uid: "r1", title: "تقرير", text: "قالَ المتحدثُ إنّ الهدنةَ صامدة.", language: "ar"))
    }
    _ = try store.admit("lead")
    try store.setMember("amal", role: .annotator, by: "lead")
    try store.setMember("lina", role: .annotator, by: "lead")
    let mark = try store.change(author: "amal") { changes in
      try changes.add(
        NewAnnotation(
          reportID: 1, layer: "claim-labeling", label: "claim", range: TextRange(0, 4), quote: "قالَ",
          attributes: [:], origin: "manual"))
    }
    #expect(throws: AnnotationWriteError.notYours(id: mark.id, owner: "amal", user: "lina")) {
      try store.change(author: "lina") { try $0.update(mark.id, label: "quote") }
    }
    #expect(throws: AnnotationWriteError.notYours(id: mark.id, owner: "amal", user: "lina")) {
      try store.change(author: "lina") { try $0.delete(mark.id) }
    }
    try store.change(author: "lead") { try $0.update(mark.id, label: "quote") }
    let edited = try store.annotation(id: mark.id)
    #expect(edited.label == "quote" && edited.author == "amal")
    #expect(try store.history(ofAnnotation: mark.id).last?.author == "lead")
  }

  @Test func theTeamAndBlindSettingsMergeAsALatticeEitherWay() throws {
    let store = try makeStore("a.hashiya")
    _ = try store.admit("lead")
    try store.setMember("karim", role: .annotator, by: "lead")
    try store.saveCopy(to: folder.path("b.hashiya"))
    let copy = try ProjectStore.open(path: folder.path("b.hashiya"))
    try copy.setMember("Karim", role: .lead, by: "lead")
    try copy.setMember("لينا", role: .annotator, by: "lead")
    // The later change wins: karim's removal here over his promotion there.
    try store.removeMember("karim", by: "lead")
    try store.setBlind(false, layer: "claim-labeling", by: "lead")
    _ = try store.merge(from: copy, author: "lead")
    _ = try copy.merge(from: store, author: "lead")
    for project in [store, copy] {
      let team = try project.teamMembers(includingRemoved: true).map { "\($0.name) \($0.role) \($0.isActive)" }
      #expect(team == ["lead lead true", "karim annotator false", "لينا annotator true"])
      #expect(try project.access(for: "لينا").blindLayers == ["claim-labeling": false])
    }
    let again = try CanonicalDump.lines(of: store)
    _ = try store.merge(from: copy, author: "lead")
    #expect(try CanonicalDump.lines(of: store) == again)
  }

  @Test func reportCountsAreOfWhatTheMemberMaySee() throws {
    let store = try makeStore()
    _ = try store.importReports(author: "lead", source: "test") { inserter in
      try inserter.insert(NewReport(uid: "r1", title: "تقرير", text: "قالَ المتحدثُ إنّ الهدنةَ صامدة.", language: "ar"))
    }
    _ = try store.admit("lead")
    for user in ["amal", "karim"] {
      try store.setMember(user, role: .annotator, by: "lead")
      try store.change(author: user) { changes in
        for layer in ["claim-labeling", "translation-notes"] {
          try changes.add(
            NewAnnotation(reportID: 1, layer: layer, label: "x", range: TextRange(0, 4), quote: "قالَ"))
        }
      }
    }
    func expectCountsAgree() throws {
      let access = try store.access(for: "amal")
      let seen = try store.annotations(AnnotationFilter()).filter(access.maySee).count
      #expect(try store.reportSummaries(access: access).page.first?.annotationCount == seen)
    }
    #expect(try store.reportSummaries(access: store.access(for: "amal")).page.first?.annotationCount == 2)
    try store.setBlind(false, layer: "translation-notes", by: "lead")
    try expectCountsAgree()
    try store.setBlind(false, layer: nil, by: "lead")
    try store.setBlind(true, layer: "claim-labeling", by: "lead")
    try expectCountsAgree()
    #expect(try store.reportSummaries(access: store.access(for: "amal")).page.first?.annotationCount == 3)
    #expect(try store.reportSummaries().page.first?.annotationCount == 4)
  }

  @Test func restrictedBundlesHoldOnlyTheAnnotatorsOwnWork() throws {
    let access = TeamAccess(user: "amal", role: .annotator, blindByDefault: true)
    func mark(_ id: Int, _ author: String) -> Annotation {
      Annotation(
        id: id, uuid: "u\(id)", reportID: 1, layer: "claim-labeling", label: "claim", range: TextRange(0, 4),
        quote: "قالَ", attributes: [:], author: author, origin: "manual", status: .active, createdAt: "",
        updatedAt: "")
    }
    let report = Report(
      id: 1, uid: "r1", title: "تقرير", language: "ar", text: "قالَ", sha256: "", length: 4, importedAt: "",
      importedBy: "lead")
    let bundle = ReportBundle(report: report, annotations: [mark(1, "amal"), mark(2, "karim")], links: [], reviews: [])
    #expect(access.restricted(bundle).annotations.map(\.author) == ["amal"])
    #expect(TeamAccess.lead("lead").restricted(bundle).annotations.count == 2)
  }
}
