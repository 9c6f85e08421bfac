package nl.waarom.sink.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a start does with a postmaster.pid left in the data folder, without a real server. */
class OrphanedPostgresTest {
  @TempDir Path dir;

  @Test
  void readsPidFolderAndPortAndIgnoresGarbage() {
    assertThat(PostmasterPid.parse(List.of("4242", "/data/postgres", "1764650000", "5433", "/tmp")))
        .contains(new PostmasterPid(4242, "/data/postgres", 5433));
    assertThat(PostmasterPid.parse(List.of("4242", "/data/postgres")))
        .contains(new PostmasterPid(4242, "/data/postgres", 0));
    assertThat(PostmasterPid.parse(List.of("not a pid", "/data"))).isEmpty();
    assertThat(PostmasterPid.parse(List.of("17"))).isEmpty();
    assertThat(PostmasterPid.read(dir)).isEmpty();
  }

  @Test
  void removesTheFileOfAServerThatIsGone() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    writePidFile(gone.pid());

    OrphanedPostgres.clear(dir);

    assertThat(dir.resolve(PostmasterPid.FILE_NAME)).doesNotExist();
  }

  @Test
  void aLiveProcessThatIsNotPostgresIsLeftAloneAndItsFileRemoved() throws Exception {
    long self = ProcessHandle.current().pid(); // a reused pid: alive, but no postgres
    writePidFile(self);

    assertThat(new PostmasterPid(self, dir.toString(), 5432).livePostgres()).isEmpty();
    OrphanedPostgres.clear(dir);

    assertThat(dir.resolve(PostmasterPid.FILE_NAME)).doesNotExist();
    assertThat(ProcessHandle.current().isAlive()).isTrue();
  }

  @Test
  void aFolderLockedByItsRunningOwnerIsNotTouched() throws Exception {
    writePidFile(ProcessHandle.current().pid());
    try (FileChannel channel = FileChannel.open(dir.resolve(OrphanedPostgres.LOCK_FILE),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
      assertThatThrownBy(() -> OrphanedPostgres.clear(dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is in use by another running process");
    }
    assertThat(dir.resolve(PostmasterPid.FILE_NAME)).exists();
  }

  @Test
  void aFolderWithoutPidFileStaysAsItIs() {
    OrphanedPostgres.clear(dir);

    assertThat(dir).isEmptyDirectory();
    assertThat(PostmasterPid.read(dir)).isEqualTo(Optional.empty());
  }

  private void writePidFile(long pid) throws Exception {
    Files.writeString(dir.resolve(PostmasterPid.FILE_NAME),
        pid + "\n" + dir + "\n1764650000\n5432\n/tmp\nlocalhost\n  1234567  8\nready   \n",
        StandardCharsets.UTF_8);
  }
}
