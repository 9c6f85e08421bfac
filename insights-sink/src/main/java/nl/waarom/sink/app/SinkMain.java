package nl.waarom.sink.app;

/** Command-line entry point: starts the sink from the environment and stops it on shutdown. */
public final class SinkMain {
  private SinkMain() {}

  public static void main(String[] args) {
    SinkApp app = SinkApp.start(System.getenv());
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "waarom-sink-shutdown"));
  }
}
