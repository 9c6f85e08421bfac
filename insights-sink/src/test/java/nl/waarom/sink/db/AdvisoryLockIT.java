package nl.waarom.sink.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leadership lock on a real embedded PostgreSQL: one holder, lost with its session. */
class AdvisoryLockIT {
  private static final long KEY = 0x5741_4152_4F4D_7E57L;
  @TempDir static Path dir;
  private static Database database;

  @BeforeAll
  static void start() {
    database = Database.open(new Database.Options("", "", "", dir.resolve("postgres"), 0, 2));
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  @Test
  void oneSessionHoldsItAndAnotherTakesItOnlyOnceThatSessionIsGone() throws Exception {
    try (AdvisoryLock first = database.advisoryLock(KEY, "lock-it-first");
        AdvisoryLock second = database.advisoryLock(KEY, "lock-it-second");
        AdvisoryLock otherKey = database.advisoryLock(KEY + 1, "lock-it-other")) {
      assertThat(first.holdOrTake()).isTrue();
      assertThat(second.holdOrTake()).isFalse();
      assertThat(first.holdOrTake()).as("still held, checked in pg_locks").isTrue();
      assertThat(otherKey.holdOrTake()).as("another key is another lock").isTrue();

      assertThat(terminate("lock-it-first")).isEqualTo(1);
      assertThatThrownBy(first::holdOrTake).isInstanceOf(DatabaseException.class);
      assertThat(first.held()).isFalse();
      // pg_terminate_backend ends the session asynchronously: the lock goes when the backend has
      await().atMost(Duration.ofSeconds(10)).until(second::holdOrTake);
      assertThat(first.holdOrTake()).as("on a new connection, but taken").isFalse();

      second.release();
      assertThat(second.held()).isFalse();
      assertThat(first.holdOrTake()).isTrue();
      assertThat(second.holdOrTake()).isFalse();
    }
  }

  private static int terminate(String applicationName) throws Exception {
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid))"
            + " FROM pg_stat_activity WHERE application_name = '" + applicationName + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
