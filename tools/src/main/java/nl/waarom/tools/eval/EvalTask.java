package nl.waarom.tools.eval;

import java.util.Locale;
import java.util.Optional;

/** What {@code waarom eval} measures: the reason model, or the sentiment model. */
public enum EvalTask {
  REASONS, SENTIMENT;

  /** {@code reasons} (also {@code reason}) or {@code sentiment}, in any case; empty otherwise. */
  public static Optional<EvalTask> parse(String value) {
    return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
      case "reasons", "reason" -> Optional.of(REASONS);
      case "sentiment" -> Optional.of(SENTIMENT);
      default -> Optional.empty();
    };
  }
}
