package nl.waarom.local.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import nl.waarom.analyzer.model.TrainOptions;
import nl.waarom.ingest.dlq.DeadLetterFilter;
import nl.waarom.tools.eval.EvalTask;
import nl.waarom.platform.Parsers;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.InsightKind;
import nl.waarom.tools.query.OutputFormat;
import nl.waarom.tools.query.QueryFilter;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The option converters of every command, so an option means the same wherever it occurs.
 * Picocli names the option when one of them refuses a value.
 */
final class Converters {
  private Converters() {}

  /** Durations as everywhere in Waarom ({@link Parsers#duration}): 90s, 5m, 2h, 7d, PT5M. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Parsers.duration(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A moment: an ISO-8601 instant, or a duration ago (2h = two hours ago). */
  static final class SinceConverter implements ITypeConverter<Instant> {
    private final Clock clock;

    SinceConverter() {
      this(Clock.systemUTC());
    }

    SinceConverter(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Instant convert(String value) {
      try {
        return Instant.parse(value.strip());
      } catch (DateTimeParseException notAnInstant) {
        try {
          return clock.instant().minus(Parsers.duration(value));
        } catch (IllegalArgumentException e) {
          throw new TypeConversionException("must be a duration ago (90m, 2d) or an ISO-8601 "
              + "instant: '" + value + "'");
        }
      }
    }
  }

  /** A dead letter's address: {@code partition:offset}, or a bare offset in partition 0. */
  static final class AddressConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return DeadLetterFilter.address(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** What eval measures: {@code reasons} or {@code sentiment}. */
  static final class EvalTaskConverter implements ITypeConverter<EvalTask> {
    @Override
    public EvalTask convert(String value) {
      return EvalTask.parse(value).orElseThrow(() ->
          new TypeConversionException("must be reasons or sentiment: '" + value + "'"));
    }
  }

  /** The model's solver: {@code svm}, or {@code logistic} (also {@code lr}). */
  static final class SolverConverter implements ITypeConverter<TrainOptions.Solver> {
    @Override
    public TrainOptions.Solver convert(String value) {
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "svm" -> TrainOptions.Solver.SVM;
        case "logistic", "lr" -> TrainOptions.Solver.LOGISTIC;
        default -> throw new TypeConversionException("must be svm or logistic: '" + value + "'");
      };
    }
  }

  /** A channel in any case: chat, call, email, other. */
  static final class ChannelConverter implements ITypeConverter<Channel> {
    @Override
    public Channel convert(String value) {
      try {
        return QueryFilter.channel(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** An insight kind in any case, - or _: spike, emerging-reason, repeat-hotspot, other. */
  static final class KindConverter implements ITypeConverter<InsightKind> {
    @Override
    public InsightKind convert(String value) {
      try {
        return QueryFilter.kind(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A query's output: table, jsonl or csv. */
  static final class FormatConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      try {
        return OutputFormat.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A whole number of at least 1. */
  static final class PositiveInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return whole(value, 1);
    }
  }

  /** A whole number of at least 0. */
  static final class NonNegativeInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return whole(value, 0);
    }
  }

  /** A finite number greater than 0. */
  static final class PositiveNumber implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double d = number(value);
      if (!(d > 0)) {
        throw new TypeConversionException("must be a number greater than 0: '" + value + "'");
      }
      return d;
    }
  }

  /** A finite number of at least 0. */
  static final class NonNegativeNumber implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double d = number(value);
      if (!(d >= 0)) {
        throw new TypeConversionException("must be a number of at least 0: '" + value + "'");
      }
      return d;
    }
  }

  private static int whole(String value, int min) {
    try {
      return Parsers.intInRange(value, min, Integer.MAX_VALUE);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("must be a whole number of at least " + min + ": '"
          + value + "'");
    }
  }

  private static double number(String value) {
    try {
      double d = Double.parseDouble(value.strip());
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new TypeConversionException("not a number: '" + value + "'");
  }
}
