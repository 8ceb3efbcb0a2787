/// A throwaway project a backend can do work in and then take the result from: a server runs
/// the file's merge, conflict settling and checks on a scratch copy of itself.
public struct ScratchProject {
  /// The empty project.
  public var store: any ProjectStoring
  /// Removes it, once its rows have been taken.
  public var discard: () -> Void

  public init(store: any ProjectStoring, discard: @escaping () -> Void) {
    self.store = store
    self.discard = discard
  }
}
