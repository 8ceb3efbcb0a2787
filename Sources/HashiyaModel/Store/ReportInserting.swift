/// Inserts reports inside one import transaction: what `ProjectStoring.importReports` hands its body.
public protocol ReportInserting: AnyObject {
  /// Adds a report, or finds the one already holding its text.
  @discardableResult func insert(_ report: NewReport) throws -> ReportInsertion
  /// Adds a report whose checks and index were prepared off the writing thread.
  @discardableResult func insert(_ prepared: PreparedReport) throws -> ReportInsertion
}
