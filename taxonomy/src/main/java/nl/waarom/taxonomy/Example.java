package nl.waarom.taxonomy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One labelled example text of a reason: something a customer might write or say.
 *
 * @param language ISO 639-1 code in lower case ({@code nl}, {@code en}); null when not stated
 * @param text the example; never blank
 */
public record Example(String language, String text) {
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

  public Example {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("an example is blank");
    }
    if (language != null) {
      language = language.toLowerCase(Locale.ROOT);
      if (!LANGUAGE.matcher(language).matches()) {
        throw new IllegalArgumentException("example language '" + language
            + "' is not a two-letter code such as nl or en");
      }
    }
  }
}
