package nl.waarom.sink.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class OneByOneTest {

  @Test
  void dataErrorsAreRefusedDataNotOutages() {
    assertThat(OneByOne.isDataError(new SQLException("timestamp out of range", "22008"))).isTrue();
    assertThat(OneByOne.isDataError(new SQLException("duplicate key", "23505"))).isTrue();
    assertThat(OneByOne.isDataError(new SQLException("index row too large", "54000"))).isTrue();
    assertThat(OneByOne.isDataError(
        new SQLException("batch failed", "08006", new SQLException("bad value", "22P02")))).isTrue();
    SQLException batch = new BatchUpdateException("batch entry 0 failed", null, 0, new int[0]);
    batch.setNextException(new SQLException("timestamp out of range", "22008"));
    assertThat(OneByOne.isDataError(batch)).isTrue();

    assertThat(OneByOne.isDataError(new SQLException("connection refused", "08001"))).isFalse();
    assertThat(OneByOne.isDataError(new SQLTransientConnectionException("pool timeout"))).isFalse();
    assertThat(OneByOne.isDataError(new SQLException("relation does not exist", "42P01"))).isFalse();
  }
}
