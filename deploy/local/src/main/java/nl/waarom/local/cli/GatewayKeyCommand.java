package nl.waarom.local.cli;

import java.util.concurrent.Callable;
import nl.waarom.ingest.auth.ApiKey;
import nl.waarom.ingest.auth.RateLimit;
import nl.waarom.ingest.gateway.GatewaySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code waarom gateway-key create}: a new API key for a client of the gateway ({@link ApiKey}). */
@Command(name = "gateway-key",
    description = {"Make API keys for systems that POST contacts to the gateway.",
        "The gateway stores only a key's SHA-256; the key itself is shown once, here."},
    subcommands = {GatewayKeyCommand.Create.class},
    footer = {"  waarom gateway-key create crm-export"})
final class GatewayKeyCommand {
  GatewayKeyCommand() {}

  /** {@code waarom gateway-key create NAME}. */
  @Command(name = "create",
      description = {"Print a new random API key and the line that makes the gateway accept it.",
          "The key (256 random bits) is printed once: hand it to the client as a secret. Add "
              + "the printed entry to WAAROM_GATEWAY_API_KEYS, or the line to the file of "
              + "WAAROM_GATEWAY_API_KEYS_FILE; remove it again to revoke the key. Contacts sent "
              + "with the key carry NAME as their source."},
      footer = {"  waarom gateway-key create crm-export",
          "  waarom gateway-key create nightly-import --limit 10/s"})
  static final class Create implements Callable<Integer> {
    private final Terminal terminal;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME",
        description = "The client's name, recorded as the source of its contacts: letters, "
            + "digits, '.', '_' or '-', at most 64.")
    String name;

    @Option(names = "--limit", paramLabel = "RATE",
        description = "This key's own rate limit (N/s, N/min, N/h or unlimited) instead of "
            + "WAAROM_GATEWAY_RATE_LIMIT.")
    String limit;

    Create(Terminal terminal) {
      this.terminal = terminal;
    }

    @Override
    public Integer call() {
      RateLimit rate = limit == null ? null
          : Checks.setting(spec, "--limit", GatewaySettings.RATE_LIMIT, limit);
      String key = ApiKey.generate();
      ApiKey stored = Checks.valid(spec, () -> ApiKey.of(name, key, rate));
      terminal.out().println("API key for '" + stored.name()
          + "' (shown only now; give it to the client as a secret):");
      terminal.out().println("  " + key);
      terminal.out().println("Entry for WAAROM_GATEWAY_API_KEYS (comma-separated):");
      terminal.out().println("  " + stored.settingEntry());
      terminal.out().println("or line for the file of WAAROM_GATEWAY_API_KEYS_FILE:");
      terminal.out().println("  " + stored.fileLine());
      terminal.out().println("The client sends: Authorization: Bearer <key>");
      return 0;
    }
  }
}
