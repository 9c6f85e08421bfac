package nl.waarom.sink.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseExceptionTest {

  @Test
  void dataErrorsAreRefusedDataNotOutages() {
    assertThat(DatabaseException.refusedData(new SQLException("timestamp out of range", "22008"))).isTrue();
    assertThat(DatabaseException.refusedData(new SQLException("duplicate key", "23505"))).isTrue();
    assertThat(DatabaseException.refusedData(new SQLException("index row too large", "54000"))).isTrue();
    assertThat(DatabaseException.refusedData(
        new SQLException("batch failed", "08006", new SQLException("bad value", "22P02")))).isTrue();
    SQLException batch = new BatchUpdateException("batch entry 0 failed", null, 0, new int[0]);
    batch.setNextException(new SQLException("timestamp out of range", "22008"));
    assertThat(DatabaseException.refusedData(batch)).isTrue();

    assertThat(DatabaseException.refusedData(new SQLException("connection refused", "08001"))).isFalse();
    assertThat(DatabaseException.refusedData(new SQLTransientConnectionException("pool timeout"))).isFalse();
    assertThat(DatabaseException.refusedData(new SQLException("relation does not exist", "42P01"))).isFalse();
  }
}
