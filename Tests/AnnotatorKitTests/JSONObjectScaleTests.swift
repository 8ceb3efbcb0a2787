import AnnotatorKit
import Testing

/// Objects far larger than any annotation keep the same order and duplicate rules, and every key
/// can be read and written without a scan of the whole object each time.
@Suite struct JSONObjectScaleTests {
  /// `{"k0":0,"k1":1,…}` with `count` members.
  static func document(_ count: Int) -> String {
    "{" + (0..<count).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"
  }

  @Test func aTwoHundredThousandKeyObjectParsesAndEveryKeyReads() throws {
    let count = 200_000
    let object = try #require(try JSONParser.parse(Self.document(count)).objectValue)
    #expect(object.count == count)
    #expect(object.first?.key == "k0")
    #expect(object.last?.key == "k\(count - 1)")
    for n in stride(from: 0, to: count, by: 1) where object["k\(n)"] != .int(n) {
      Issue.record("k\(n) reads \(String(describing: object["k\(n)"]))")
      return
    }
    #expect(object["missing"] == nil)
  }

  @Test func buildingAHugeObjectKeyByKeyKeepsOrder() {
    var object = JSONObject()
    for n in 0..<200_000 { object["k\(n)"] = .int(n) }
    for n in stride(from: 0, to: 200_000, by: 2) { object["k\(n)"] = .int(-n) }
    #expect(object.count == 200_000)
    #expect(object.keys.prefix(3) == ["k0", "k1", "k2"])
    #expect(object["k4"] == .int(-4))
    #expect(object["k5"] == .int(5))
    object["k1"] = nil
    #expect(object.count == 199_999)
    #expect(object.keys.prefix(2) == ["k0", "k2"])
    #expect(object["k1"] == nil)
    #expect(object["k199999"] == .int(199_999))
  }

  @Test func duplicatesInALargeObjectReadTheLastAndAssignmentDropsTheLaterOnes() throws {
    let members = (0..<100).map { "\"k\($0)\":\($0)" } + ["\"k7\":\"again\"", "\"k50\":\"twice\""]
    var object = try #require(try JSONParser.parse("{" + members.joined(separator: ",") + "}").objectValue)
    #expect(object.count == 102)
    #expect(object["k7"] == "again")
    #expect(object["k50"] == "twice")
    object["k7"] = "one"
    #expect(object.count == 101)
    #expect(object.keys[7] == "k7")
    #expect(object["k7"] == "one")
    #expect(object["k50"] == "twice")
    object["k50"] = nil
    #expect(object.count == 99)
    #expect(object["k50"] == nil)
    object.append(key: "k3", value: "appended")
    #expect(object["k3"] == "appended")
    object["k3"] = "set"
    #expect(object.count == 99)
    #expect(object.keys[3] == "k3")
    #expect(object["k3"] == "set")
  }

  @Test func smallAndLargeObjectsCompareByMembersAlone() throws {
    let parsed = try #require(try JSONParser.parse(Self.document(40)).objectValue)
    var built = JSONObject()
    for n in 0..<40 { built.append(key: "k\(n)", value: .int(n)) }
    #expect(parsed == built)
    #expect(parsed.hashValue == built.hashValue)
    #expect(JSONWriter.string(.object(built)) == Self.document(40))
  }
}
