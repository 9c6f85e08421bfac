package nl.waarom.local.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nl.waarom.platform.CommonSettings;
import nl.waarom.platform.Config;
import nl.waarom.platform.Setting;
import nl.waarom.schemas.SchemaRegistration;
import nl.waarom.schemas.SchemaRegistryClient;
import picocli.CommandLine.Command;

/** {@code waarom schemas register}: the released schemas to the schema registry ({@link SchemaRegistration}). */
@Command(name = "schemas",
    description = {"Work with the schema registry that WAAROM_SCHEMA_REGISTRY_URL names."},
    subcommands = {SchemasCommand.Register.class},
    footer = {"  waarom schemas register"})
final class SchemasCommand {
  SchemasCommand() {}

  /** {@code waarom schemas register}. */
  @Command(name = "register",
      description = {"Register every released schema version under the subject <topic>-value of "
          + "each topic, oldest first, and print subject, version and id.",
          "Run it before the services when they only look schemas up "
              + "(WAAROM_SCHEMA_REGISTRY_AUTO_REGISTER=false); running it again changes "
              + "nothing. The registry refuses a version that is not compatible with what the "
              + "subject holds: the command then names it and exits 1. The registry and the "
              + "topic prefix come from WAAROM_SCHEMA_REGISTRY_URL (_USER, _PASSWORD) and "
              + "WAAROM_TOPIC_PREFIX."},
      footer = {"  waarom schemas register"})
  static final class Register implements Callable<Integer> {
    private final Terminal terminal;

    Register(Terminal terminal) {
      this.terminal = terminal;
    }

    @Override
    public Integer call() {
      List<Setting<?>> settings = new ArrayList<>(List.of(CommonSettings.TOPIC_PREFIX));
      settings.addAll(CommonSettings.schemaRegistry());
      Config config;
      try {
        config = Config.load(settings, terminal.env());
      } catch (Config.ConfigException e) {
        terminal.err().println(e.getMessage());
        return 1;
      }
      SchemaRegistryClient registry = CommonSettings.schemaRegistry(config);
      if (registry == null) {
        terminal.err().println(CommonSettings.SCHEMA_REGISTRY_URL.env()
            + " is not set: name the schema registry to register the schemas with.");
        return 1;
      }
      try {
        for (SchemaRegistration.Registered r
            : SchemaRegistration.registerReleased(CommonSettings.topics(config), registry)) {
          terminal.out().println(r.subject() + " v" + r.version() + " id=" + r.id());
        }
        return 0;
      } catch (RuntimeException e) { // refused (SerializationException) or unreachable
        terminal.err().println(e.getMessage());
        return 1;
      }
    }
  }
}
