package nl.waarom.ingest.connect;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A standalone Connect worker as its own process, so a test can kill it hard
 * ({@code Process.destroyForcibly()}, SIGKILL) the way an operating system or an orchestrator
 * does: no shutdown hook, no last offset commit, no clean task stop.
 *
 * <p>Arguments: {@code <bootstrap servers> <offsets file> <connector name> key=value...}, the
 * key/value pairs being the connector's configuration. Prints {@value #READY} on standard output
 * once the worker accepted the connector, then runs until killed.
 */
public final class ConnectWorkerMain {
  /** The line printed once the connector is accepted. */
  public static final String READY = "WAAROM-CONNECT-WORKER-READY";

  private ConnectWorkerMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 3) {
      throw new IllegalArgumentException(
          "usage: ConnectWorkerMain <bootstrap servers> <offsets file> <connector name> key=value...");
    }
    Map<String, String> config = new HashMap<>();
    for (int i = 3; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("not key=value: " + args[i]);
      }
      config.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    ConnectWorker worker = ConnectWorker.standalone(args[0], Path.of(args[1]));
    Runtime.getRuntime().addShutdownHook(new Thread(worker::close, "connect-worker-shutdown"));
    worker.putConnector(args[2], config);
    System.out.println(READY);
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
