/// A short English wire-style report: named officials, said/told/according to, figures.
public enum EnglishReport {
  public static let text = """
    Tartus port reopens after three-month closure
    The port of Tartus reopened on Monday after a three-month closure, officials said.
    Maria Haddad, director of the Tartus Port Authority, said the reopening would bring $12.5 million in monthly revenue.
    "We expect to handle 40,000 tonnes of grain in the first month," Haddad told reporters.
    Exports rose 15 percent more than last year because new cranes cut loading times, according to Finance Minister Sami Nasser.
    Nasser said that the government will invest a further $3 million next year.
    “The delays cost traders dearly,” said Omar Khatib, head of the chamber of commerce.
    """
}
