/// Which way a step through the reports goes, in id order.
public enum ReportDirection: Sendable {
  case next, previous
}
