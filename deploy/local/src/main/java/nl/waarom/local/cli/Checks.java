package nl.waarom.local.cli;

import java.util.function.Supplier;
import nl.waarom.platform.Setting;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Turns the refusals of the services' validated option records into usage errors (exit 2). */
final class Checks {
  private Checks() {}

  /** Builds an option record; its IllegalArgumentException becomes a usage error of the command. */
  static <T> T valid(CommandSpec spec, Supplier<T> record) {
    try {
      return record.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), spec.qualifiedName() + ": " + e.getMessage());
    }
  }

  /**
   * Parses {@code value} of {@code option} as the configuration {@code setting} would, so an
   * option that overrides a setting accepts exactly what the environment variable accepts.
   */
  static <T> T setting(CommandSpec spec, String option, Setting<T> setting, String value) {
    try {
      return setting.parser().apply(value);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option
          + "': " + e.getMessage() + " (as " + setting.env() + ")");
    }
  }
}
