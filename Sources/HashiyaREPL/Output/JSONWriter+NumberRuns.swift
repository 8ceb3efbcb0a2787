import AnnotatorKit
import HashiyaModel

extension JSONWriter {
  /// A member listing every number of `numbers` in order, written run by run without an array of them.
  mutating func numbers(_ key: String, _ numbers: NumberRuns) {
    self.key(key)
    beginArray()
    for run in numbers.ranges {
      for number in run { int(number) }
    }
    endArray()
  }
}
