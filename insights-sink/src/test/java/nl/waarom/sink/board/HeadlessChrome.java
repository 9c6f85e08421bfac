package nl.waarom.sink.board;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The browser tests' Chromium: headless, driven by chromedriver, both from the PATH. */
final class HeadlessChrome {
  private HeadlessChrome() {}

  /** Skips the calling test, with the reason, where chromium or chromedriver is not installed. */
  static void assumeInstalled() {
    assumeTrue(chromium().isPresent() && driver().isPresent(),
        "no chromium/chromedriver on PATH: install the Debian packages chromium chromium-driver");
  }

  /** A headless browser with its own profile in {@code profile}; the caller quits it. */
  static ChromeDriver start(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium().orElseThrow().toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-background-networking", "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    return new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(driver().orElseThrow().toFile()).usingAnyFreePort().build(), options);
  }

  private static Optional<Path> chromium() {
    return executable("chromium", "chromium-browser", "google-chrome");
  }

  private static Optional<Path> driver() {
    return executable("chromedriver");
  }

  private static Optional<Path> executable(String... names) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    return Stream.of(names).flatMap(n -> Stream.of(path.split(java.io.File.pathSeparator))
            .map(dir -> Path.of(dir, n)))
        .filter(Files::isExecutable).findFirst();
  }
}
