/// SQLSTATE codes a caller of the driver commonly needs to tell apart.
public enum PostgresSQLState {
  /// A serializable or repeatable-read transaction lost a conflict; run it again.
  public static let serializationFailure = "40001"
  /// The server broke a deadlock by failing this transaction; run it again.
  public static let deadlockDetected = "40P01"
  /// A unique constraint or index rejected a duplicate.
  public static let uniqueViolation = "23505"
  /// The statement names a table that does not exist.
  public static let undefinedTable = "42P01"
  /// The role lacks a privilege the statement needs.
  public static let insufficientPrivilege = "42501"
  /// A PL/pgSQL `RAISE EXCEPTION` without its own code.
  public static let raiseException = "P0001"
}
