package nl.waarom.analyzer.app;

/** Runs the analyzer with the process environment until the JVM is asked to stop. */
public final class AnalyzerMain {
  private AnalyzerMain() {}

  public static void main(String[] args) {
    AnalyzerApp app = AnalyzerApp.start(System.getenv());
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "waarom-analyzer-shutdown"));
  }
}
