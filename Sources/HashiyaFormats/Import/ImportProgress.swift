/// How far an import has got, for a progress bar.
public struct ImportProgress: Sendable {
  public var bytesDone: Int
  public var bytesTotal: Int
  public var reportsRead: Int

  public init(bytesDone: Int, bytesTotal: Int, reportsRead: Int) {
    self.bytesDone = bytesDone
    self.bytesTotal = bytesTotal
    self.reportsRead = reportsRead
  }
}
