package nl.waarom.sink.board;

import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.waarom.sink.db.ChangeVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes "the data changed" to every open board over Server-Sent Events ({@code /api/stream}).
 * While at least one board is open, one thread asks the database every {@code interval} for a
 * {@link ChangeVersion} (latest stored insight, latest backlog change, latest trend and
 * explained-share update; each an indexed max) and, when it differs from the last one, sends event
 * {@code changed} with the version to every client; the page then fetches its fragments. A comment every 15 s keeps proxies from closing
 * idle streams. Whoever writes (the consumer, the API, the verifier, another sink instance) is
 * seen the same way, because the database is the source of truth.
 */
final class BoardEvents implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BoardEvents.class);
  private final ChangeVersion changes;
  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService scheduler;
  private volatile String version = "";
  private long ticks;

  BoardEvents(DataSource dataSource, Duration interval) {
    this.changes = new ChangeVersion(dataSource);
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "board-events");
      t.setDaemon(true);
      return t;
    });
    long ms = interval.toMillis();
    scheduler.scheduleWithFixedDelay(this::poll, 0, ms, TimeUnit.MILLISECONDS);
  }

  /** Registers a client; the connection stays open until the browser goes away. */
  void connect(SseClient client) {
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    clients.add(client);
    client.sendEvent("hello", "v:" + version); // an event with empty data is not dispatched
  }

  int clients() {
    return clients.size();
  }

  private void poll() {
    if (clients.isEmpty()) {
      return; // nobody to tell; a board that connects later is told of the next change
    }
    try {
      String now = changes.current();
      if (!Objects.equals(now, version)) {
        version = now;
        broadcast("changed", "v:" + now);
      } else if (++ticks % 15 == 0) {
        for (SseClient c : clients) {
          c.sendComment("keep-alive");
        }
      }
    } catch (RuntimeException e) {
      LOG.debug("board change check failed: {}", e.toString());
    }
  }

  private void broadcast(String event, String data) {
    for (SseClient c : clients) {
      try {
        c.sendEvent(event, data);
      } catch (RuntimeException e) {
        clients.remove(c);
      }
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    for (SseClient c : clients) {
      c.close();
    }
    clients.clear();
  }
}
