package nl.waarom.ingest.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypeTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NONE", value = {
      "application/json                   | true",
      "Application/JSON; charset=UTF-8    | true",
      "application/json;charset=\"utf-8\" | true",
      "application/json; charset=latin1   | false",
      "text/plain                         | false",
      "application/jsonl                  | false",
      "application/x-www-form-urlencoded  | false",
      "NONE                               | false",
  })
  void onlyUtf8JsonIsAccepted(String contentType, boolean accepted) {
    assertThat(RequestBody.isJson(contentType)).isEqualTo(accepted);
  }
}
