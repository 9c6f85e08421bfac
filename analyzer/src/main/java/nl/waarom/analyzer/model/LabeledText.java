package nl.waarom.analyzer.model;

import java.util.Objects;

/**
 * One training example: a text and the label a person gave it.
 *
 * @param text  the text, never null (may be empty)
 * @param label the label, never null or blank
 */
public record LabeledText(String text, String label) {
  public LabeledText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(label, "label");
    if (label.isBlank()) {
      throw new IllegalArgumentException("label must not be blank");
    }
  }
}
