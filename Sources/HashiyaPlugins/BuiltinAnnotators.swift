import AnnotatorKit

/// The annotators compiled into Hashiya, registered statically.
public enum BuiltinAnnotators {
  public static var all: [any Annotator] { [] }
}
