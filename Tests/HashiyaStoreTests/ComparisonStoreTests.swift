import AnnotatorKit
import AnnotatorTesting
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

/// What the file's comparison reads do on their own; what they return is checked on both
/// backends by the contract suite.
@Suite struct ComparisonStoreTests {
  @Test func idsBecomeRunsOfConsecutiveIntegers() {
    #expect(ProjectStore.runs(of: []) == [])
    #expect(ProjectStore.runs(of: [5, 1, 2, 3, 3, 9, 8]) == [1...3, 5...5, 8...9])
  }
}
