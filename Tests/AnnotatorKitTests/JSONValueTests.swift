import AnnotatorKit
import Testing

@Suite struct JSONValueTests {
  @Test func accessorsMatchTheirCase() {
    let value: JSONValue = ["s": "x", "i": 3, "d": 2.5, "b": true, "a": [1], "o": ["k": nil]]
    #expect(value["s"]?.stringValue == "x")
    #expect(value["i"]?.intValue == 3)
    #expect(value["i"]?.doubleValue == 3.0)
    #expect(value["d"]?.doubleValue == 2.5)
    #expect(value["d"]?.intValue == nil)
    #expect(value["b"]?.boolValue == true)
    #expect(value["a"]?.arrayValue == [1])
    #expect(value["a"]?[0] == 1)
    #expect(value["a"]?[1] == nil)
    #expect(value["o"]?.objectValue?.keys == ["k"])
    #expect(value["o"]?["k"]?.isNull == true)
    #expect(value["missing"] == nil)
    #expect(JSONValue.string("x")["k"] == nil)
  }

  @Test func intAndDoubleAreDistinct() {
    #expect(JSONValue.int(1) != JSONValue.double(1))
  }

  @Test func objectEqualityIsOrderSensitive() {
    let ab: JSONObject = ["a": 1, "b": 2]
    let ba: JSONObject = ["b": 2, "a": 1]
    #expect(ab != ba)
    #expect(ab == JSONObject([(key: "a", value: 1), (key: "b", value: 2)]))
    #expect(Set([JSONValue.object(ab), .object(ab)]).count == 1)
  }

  @Test func objectSubscriptSetterKeepsPositionAndDropsDuplicates() {
    var object = JSONObject([(key: "a", value: 1), (key: "b", value: 2), (key: "a", value: 3)])
    object["a"] = 9
    #expect(object.keys == ["a", "b"])
    #expect(object["a"] == 9)
    object["c"] = "new"
    #expect(object.keys == ["a", "b", "c"])
    object["b"] = nil
    #expect(object.keys == ["a", "c"])
    #expect(object.count == 2)
    #expect(!object.isEmpty)
    #expect(JSONObject().isEmpty)
  }

  @Test func objectIteratesInOrder() {
    let object: JSONObject = ["z": 1, "y": 2]
    #expect(object.map(\.key) == ["z", "y"])
  }

  @Test func descriptionIsCompactJSON() {
    let value: JSONValue = ["a": [1, "b", nil]]
    #expect(value.description == #"{"a":[1,"b",null]}"#)
  }
}
