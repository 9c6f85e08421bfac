package nl.waarom.ingest.gateway;

import nl.waarom.platform.Config;

/** Runs the {@link Gateway} from the process environment until the JVM is asked to stop. */
public final class GatewayMain {
  private GatewayMain() {}

  public static void main(String[] args) {
    Gateway gateway;
    try {
      gateway = Gateway.start(System.getenv());
    } catch (Config.ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "waarom-gateway-shutdown"));
  }
}
