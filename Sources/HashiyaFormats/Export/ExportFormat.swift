/// The formats `export` writes and `import` reads back.
public enum ExportFormat: String, Sendable, CaseIterable {
  /// Hashiya's native format: one JSON document.
  case json
  /// Hashiya's native format: one report per line, streamed.
  case jsonl
  /// W3C Web Annotation JSON-LD (an AnnotationCollection).
  case w3c
  /// brat standoff: a `.txt` and `.ann` per report and an `annotation.conf`, in a folder.
  case brat
  /// Prodigy span JSONL.
  case prodigy
  /// doccano JSONL (entities and relations).
  case doccano
  /// Label Studio task JSON (UTF-16 offsets).
  case labelstudio
  /// HTML to read and share: one self-contained page, or a folder with an index and a page per
  /// report.
  case html

  /// Whether the format writes a folder rather than one file.
  public var writesFolder: Bool { self == .brat }
  /// Whether the format writes a folder when given one (or when it has several reports).
  public var mayWriteFolder: Bool { self == .brat || self == .html }
}
