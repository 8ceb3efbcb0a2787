import AnnotatorKit
import AnnotatorTesting
import Testing

/// Mutated JSON never crashes the parser; what it rejects it locates inside the input, and what it
/// accepts the writer writes back to the same value.
@Suite struct JSONParserFuzzTests {
  let fuzzer = Fuzzer(
    target: "json", iterations: 20_000,
    dictionary: ["{", "}", "[", "]", ",", ":", "\"", "\"k\":", "true", "false", "null", "-", "0", "1.5e-3", "\\\""])

  @Test func parsesOrLocatesItsErrorAndRoundTrips() {
    #expect(!fuzzer.corpus.isEmpty, "no seeds in \(Fuzzer.seedsFolder.path)/\(fuzzer.target)")
    fuzzer.forEachInput { input, iteration in
      let value: JSONValue
      do throws(JSONParseError) {
        value = try JSONParser.parse(input)
      } catch {
        #expect((0...input.count).contains(error.offset), "\(fuzzer.replay(iteration)): \(error)")
        return
      }
      let written = JSONWriter.string(value)
      #expect(
        (try? JSONParser.parse(written)) == value,
        "\(fuzzer.replay(iteration)): \(Excerpt.of(written)) does not read back")
      // The same bytes as a slice of a larger buffer locate errors and values alike.
      let padded = [UInt8(ascii: " ")] + input
      #expect((try? JSONParser.parse(padded[1...])) == value, "\(fuzzer.replay(iteration))")
    }
  }
}
