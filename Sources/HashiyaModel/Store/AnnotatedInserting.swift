import AnnotatorKit

/// Writes imported reports with everything said about them inside one transaction: what
/// `ProjectStoring.importAnnotated` hands its body.
public protocol AnnotatedInserting: AnyObject {
  /// What the import has written so far.
  var outcome: AnnotatedImportOutcome { get }
  /// Adds one imported report (or finds it by its text) and everything said about it.
  func add(_ imported: ImportedReport) throws
  /// Adds one report whose checks were prepared off the writing thread.
  func add(_ prepared: borrowing PreparedImport) throws
  /// Records a layer schema the file carries, unless the project already has one for that layer.
  func registerLayer(_ schema: LayerSchema) throws
}
