package nl.waarom.taxonomy;

/**
 * The display name of a reason in the two languages Waarom ships with.
 *
 * @param nl Dutch name, never blank
 * @param en English name, never blank
 */
public record LocalizedName(String nl, String en) {
  public LocalizedName {
    if (nl == null || nl.isBlank()) {
      throw new IllegalArgumentException("name.nl is missing");
    }
    if (en == null || en.isBlank()) {
      throw new IllegalArgumentException("name.en is missing");
    }
  }
}
