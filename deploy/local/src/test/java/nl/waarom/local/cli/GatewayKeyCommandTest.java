package nl.waarom.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarom.ingest.auth.ApiKey;
import nl.waarom.ingest.auth.ApiKeys;
import org.junit.jupiter.api.Test;

class GatewayKeyCommandTest {
  private static final Pattern KEY = Pattern.compile("^  (wrm_\\S+)$", Pattern.MULTILINE);
  private static final Pattern ENTRY = Pattern.compile("^  (crm-export:[0-9a-f]{64}:10/s)$",
      Pattern.MULTILINE);
  private static final Pattern LINE = Pattern.compile("^  (crm-export [0-9a-f]{64} 10/s)$",
      Pattern.MULTILINE);
  private final CliRun cli = new CliRun();

  @Test
  void createPrintsAKeyOnceAndTheEntriesThatMakeTheGatewayAcceptIt() {
    assertThat(cli.execute("gateway-key", "create", "crm-export", "--limit", "10/s")).isZero();
    String out = cli.out();
    String key = group(KEY.matcher(out));
    assertThat(out.split(Pattern.quote(key), -1)).as("the key is printed once").hasSize(2);

    ApiKeys fromSetting = ApiKeys.parseSetting(group(ENTRY.matcher(out)));
    ApiKeys fromFile = ApiKeys.parseFile(List.of(group(LINE.matcher(out))));
    assertThat(fromSetting.find(key)).map(ApiKey::name).hasValue("crm-export");
    assertThat(fromFile.find(key)).map(ApiKey::name).hasValue("crm-export");
    assertThat(fromSetting.find(ApiKey.generate())).isEmpty();

    assertThat(cli.execute("gateway-key", "create", "crm-export")).isZero();
    assertThat(group(KEY.matcher(cli.out()))).as("a new key every time").isNotEqualTo(key);
  }

  @Test
  void aBadNameOrLimitIsAUsageError() {
    assertThat(cli.execute("gateway-key", "create", "crm export")).isEqualTo(2);
    assertThat(cli.err()).contains("not a key name: 'crm export'");
    assertThat(cli.execute("gateway-key", "create", "crm", "--limit", "fast")).isEqualTo(2);
    assertThat(cli.err()).contains("'--limit'", "not a rate limit", "WAAROM_GATEWAY_RATE_LIMIT");
    assertThat(cli.execute("gateway-key", "create")).isEqualTo(2);
    assertThat(cli.err()).contains("Missing required parameter: 'NAME'");
    assertThat(cli.out()).doesNotContain("wrm_");
  }

  private static String group(Matcher m) {
    assertThat(m.find()).as(m.pattern().pattern()).isTrue();
    return m.group(1);
  }
}
