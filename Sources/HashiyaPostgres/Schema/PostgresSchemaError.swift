import AnnotatorKit

/// Why a statement of the project schema could not be written.
public enum PostgresSchemaError: Error, Equatable, CustomStringConvertible {
  /// A role name outside lowercase ASCII letters, digits and `_`, or longer than PostgreSQL keeps.
  case invalidRoleName(String)

  public var description: String {
    switch self {
    case .invalidRoleName(let name):
      return "\"\(Excerpt.of(name))\" cannot be a team member's database role: use at most "
        + "\(PostgresSchema.maximumNameBytes) lowercase letters a-z, digits and _"
    }
  }
}
