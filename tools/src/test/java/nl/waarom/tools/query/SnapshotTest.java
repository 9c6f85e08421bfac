package nl.waarom.tools.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The topic read as a table (latest record per key) or as a log, in time order. */
class SnapshotTest {
  /** A record: its time, and a label to tell versions apart. */
  private record Version(int time, String label) {}

  @Test
  void theLatestRecordOfAKeyWinsAndHidesTheKeyWhenItDoesNotPass() {
    Snapshot<Version> table = Snapshot.table();
    table.add("b", new Version(2, "b1"));
    table.add("a", new Version(5, "a1"));
    table.add("a", new Version(5, "a2"));  // a later version of a
    table.add("c", new Version(1, "c1"));
    table.add("c", null);                   // c's latest record is filtered out, or a tombstone
    table.add("d", new Version(2, "d1"));

    assertThat(table.ordered(Version::time)).extracting(Version::label)
        .containsExactly("b1", "d1", "a2"); // by time, then by key
  }

  @Test
  void theLogKeepsEveryRecordThatPassedInTimeThenTopicOrder() {
    Snapshot<Version> log = Snapshot.log();
    log.add("a", new Version(5, "a1"));
    log.add("b", new Version(2, "b1"));
    log.add("a", new Version(5, "a2"));
    log.add("c", null);

    assertThat(log.ordered(Version::time)).extracting(Version::label)
        .containsExactly("b1", "a1", "a2");
  }
}
