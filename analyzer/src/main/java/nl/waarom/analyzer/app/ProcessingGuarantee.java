package nl.waarom.analyzer.app;

import java.util.Locale;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams processing guarantees the analyzer supports. */
public enum ProcessingGuarantee {
  EXACTLY_ONCE_V2(StreamsConfig.EXACTLY_ONCE_V2),
  AT_LEAST_ONCE(StreamsConfig.AT_LEAST_ONCE);

  private final String config;

  ProcessingGuarantee(String config) {
    this.config = config;
  }

  /** The value of {@code processing.guarantee}. */
  public String config() {
    return config;
  }

  /** Forgiving: {@code exactly_once_v2}, {@code EXACTLY-ONCE-V2}, {@code eos}, {@code at_least_once}, {@code alo}. */
  public static ProcessingGuarantee parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    return switch (t) {
      case "exactly_once_v2", "exactly_once", "eos", "eos_v2" -> EXACTLY_ONCE_V2;
      case "at_least_once", "alo" -> AT_LEAST_ONCE;
      default -> throw new IllegalArgumentException(
          "not a processing guarantee (exactly_once_v2, at_least_once): '" + text + "'");
    };
  }
}
