import AnnotatorKit
import AnnotatorTesting
import HashiyaModel
import Testing

/// The team every store keeps: who leads, who is refused, what is blind, who may change whose
/// annotations, checked on each backend alike.
@Suite struct TeamContractTests {
  let folder = TemporaryFolder()

  @Test(arguments: StoreBackend.available)
  func theLeadAdmitsMembersAndRefusesOthers(_ backend: StoreBackend) throws {
    let (store, lead, names) = try TeamNames.project(backend, in: folder, "amal")
    let amal = names[0]
    #expect(try store.admit(lead.uppercased()).role == .lead)
    #expect(try store.admit(lead.uppercased()).name == lead)
    let typo = "amla" + amal.dropFirst(4)
    #expect(throws: TeamError.unknownMember(typo, suggestion: nil)) { try store.admit(typo) }
    let added = try store.setMember(amal.uppercased(), role: .annotator, by: lead)
    #expect(added.name == (backend == .server ? amal : amal.uppercased()))
    #expect(try store.admit(amal).role == .annotator)
    #expect(throws: TeamError.unknownMember(typo, suggestion: added.name)) { try store.admit(typo) }
    #expect(throws: TeamError.unknownMember("كريم", suggestion: nil)) { try store.admit("كريم") }
    #expect(try store.teamMembers(includingRemoved: false).map(\.name) == [lead, added.name])
  }

  @Test(arguments: StoreBackend.available)
  func onlyLeadsChangeTheTeamAndTheLastLeadStays(_ backend: StoreBackend) throws {
    let (store, lead, names) = try TeamNames.project(backend, in: folder, "karim", "lina")
    let (karim, lina) = (names[0], names[1])
    try store.setMember(karim, role: .annotator, by: lead)
    #expect(throws: TeamError.leadsOnly(action: "changing the team", user: karim)) {
      try store.setMember(lina, role: .annotator, by: karim)
    }
    #expect(throws: TeamError.leadsOnly(action: "changing the team", user: karim)) {
      try store.removeMember(lead, by: karim)
    }
    #expect(throws: TeamError.lastLead(lead)) { try store.removeMember(lead, by: lead) }
    #expect(throws: TeamError.lastLead(lead)) { try store.setMember(lead.uppercased(), role: .annotator, by: lead) }
    let removed = try store.removeMember(karim.uppercased(), by: lead)
    #expect(removed.name == karim && !removed.isActive)
    #expect(throws: TeamError.removedMember(karim)) { try store.admit(karim) }
    #expect(try store.teamMembers(includingRemoved: true).map(\.isActive) == [true, false])
    #expect(try store.teamMembers(includingRemoved: false).map(\.name) == [lead])
    try store.setMember(karim, role: .lead, by: lead)
    #expect(try store.admit(karim).isActive)
    // With a second lead, the first may step down.
    #expect(try store.setMember(lead, role: .annotator, by: karim).role == .annotator)
    #expect(try store.teamMembers(includingRemoved: false).map(\.name) == [karim, lead])
  }

  @Test(arguments: StoreBackend.available)
  func blindIsOnByDefaultFromTwoAnnotatorsAndSetPerLayer(_ backend: StoreBackend) throws {
    let (store, lead, names) = try TeamNames.project(backend, in: folder, "amal", "karim")
    let (amal, karim) = (names[0], names[1])
    try store.setMember(amal, role: .annotator, by: lead)
    #expect(try !store.access(for: amal).isRestricted)
    try store.setMember(karim, role: .annotator, by: lead)
    let blind = try store.access(for: amal.uppercased())
    #expect(blind.user == amal && blind.role == .annotator)
    #expect(blind.isBlind("claim-labeling") && blind.isRestricted)
    #expect(try !store.access(for: lead).isRestricted)
    #expect(try store.access(for: "لينا") == TeamAccess.lead("لينا"))
    try store.setBlind(false, layer: "translation-notes", by: lead)
    let after = try store.access(for: amal)
    #expect(!after.isBlind("translation-notes") && after.isBlind("claim-labeling"))
    #expect(after.blindLayers == ["translation-notes": false])
    try store.setBlind(false, layer: nil, by: lead)
    try store.setBlind(true, layer: "claim-labeling", by: lead)
    let listed = try store.access(for: karim)
    #expect(!listed.blindByDefault && listed.isBlind("claim-labeling") && !listed.isBlind("speaker-tagging"))
    #expect(throws: TeamError.leadsOnly(action: "changing blind annotation", user: amal)) {
      try store.setBlind(false, layer: nil, by: amal)
    }
    try store.removeMember(karim, by: lead)
    try store.setBlind(true, layer: "claim-labeling", by: lead)
    #expect(try store.access(for: karim) == TeamAccess.lead(karim))
  }

  @Test(arguments: StoreBackend.available)
  func annotatorsChangeOnlyTheirOwnAnnotationsAndLeadsAnyone(_ backend: StoreBackend) throws {
    let (store, lead, names) = try TeamNames.project(backend, in: folder, "amal", "lina")
    let (amal, lina) = (names[0], names[1])
    _ = try store.importReports(author: lead, source: "test") { inserter in
      try inserter.insert(NewReport(uid: "r1", title: "تقرير", text: SeedReport.text, language: "ar"))
    }
    try store.setMember(amal, role: .annotator, by: lead)
    try store.setMember(lina, role: .annotator, by: lead)
    let quote = String(SeedReport.text.unicodeScalars.prefix(4))
    let mark = try store.change(author: amal) { changes in
      try changes.add(
        NewAnnotation(
          reportID: 1, layer: "claim-labeling", label: "claim", range: TextRange(0, 4), quote: quote,
          attributes: [:], origin: "manual"))
    }
    #expect(throws: AnnotationWriteError.notYours(id: mark.id, owner: amal, user: lina)) {
      try store.change(author: lina) { try $0.update(mark.id, label: "quote") }
    }
    #expect(throws: AnnotationWriteError.notYours(id: mark.id, owner: amal, user: lina)) {
      try store.change(author: lina) { try $0.delete(mark.id) }
    }
    try store.change(author: lead) { try $0.update(mark.id, label: "quote") }
    let edited = try store.annotation(id: mark.id)
    #expect(edited.label == "quote" && edited.author == amal && edited.quote == quote)
    #expect(try store.history(ofAnnotation: mark.id).map(\.author) == [amal, lead])
  }
}
