package nl.waarom.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.waarom.analyzer.classify.RuleParser;
import nl.waarom.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.Test;

/** The pure logic of {@code bench pipeline}: the open-loop schedule, the bookkeeping, the rule. */
class PipelineBenchTest {
  private static final long MS = 1_000_000L;

  /** A clock that moves only when the loop sleeps or a send takes time. */
  private static final class FakeClock implements OpenLoop.Clock {
    long now;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleepUntil(long nanos) {
      now = Math.max(now, nanos);
    }
  }

  @Test
  void aStalledSendDelaysNothingAfterItAndKeepsEveryDueTime() throws InterruptedException {
    FakeClock clock = new FakeClock();
    OpenLoop loop = new OpenLoop(1_000, 0);
    List<long[]> sent = new ArrayList<>(); // index, due, sent at
    long count = loop.run(clock, due -> due >= 1_000 * MS, (index, due) -> {
      sent.add(new long[] {index, due, clock.now});
      if (index == 10) {
        clock.now += 500 * MS; // the hand-over of request 10 hangs for half a second
      }
    });

    assertThat(count).isEqualTo(1_000);
    assertThat(sent).extracting(s -> s[1]).containsExactlyElementsOf(
        java.util.stream.LongStream.range(0, 1_000).map(i -> i * MS).boxed().toList());
    // the requests due during the stall go out at once when it ends, keeping their due times
    assertThat(sent.get(11)).containsExactly(11, 11 * MS, 510 * MS);
    assertThat(sent.get(509)).containsExactly(509, 509 * MS, 510 * MS);
    assertThat(sent.get(511)).containsExactly(511, 511 * MS, 511 * MS);
    assertThat(loop.countIn(10_000 * MS)).isEqualTo(10_000);
    assertThat(new OpenLoop(3, 100).dueNanos(3)).isEqualTo(100 + 1_000 * MS);
  }

  @Test
  void latencyRunsFromTheDueTimeAndAContactNeverSeenIsSlowerThanAnySeen() {
    StepBook book = new StepBook(100, 5, 10); // requests 5..14 measured
    for (long i = 0; i < 20; i++) {
      book.sending(i, i * 10 * MS, i * 10 * MS, i); // one classified record seen per request sent
    }
    assertThat(book.windowClosed()).isTrue();
    for (long i = 0; i < 20; i++) {
      if (i == 7) {
        book.failed(i);
        continue;
      }
      book.accepted(i, i * 10 * MS + 2 * MS);
      if (i != 13) {
        book.classified(i, i * 10 * MS + (i + 1) * 100 * MS); // 600..1500 ms for 5..14
        book.classified(i, i * 10 * MS + 10_000 * MS); // a second sighting does not count
      }
    }
    assertThat(book.measured(4)).isFalse();
    assertThat(book.measured(14)).isTrue();
    assertThat(book.complete()).as("13 was accepted but not seen").isFalse();

    StepResult r = book.result(5_000 * MS);
    assertThat(r.sent()).isEqualTo(10);
    assertThat(r.accepted()).isEqualTo(9);
    assertThat(r.failed()).isEqualTo(1);
    assertThat(r.unseen()).as("13, and 7 which failed").isEqualTo(2);
    assertThat(r.seconds()).isEqualTo(0.1);
    assertThat(r.acceptedPerSecond()).isEqualTo(90);
    assertThat(r.classifiedPerSecond()).isEqualTo(100);
    // seen (ms): 600 700 900 1000 1100 1200 1300 1500; unseen at least 5000 - 130 = 4870
    assertThat(r.p50().toString()).isEqualTo("1100");
    assertThat(r.p95().toString()).isEqualTo(">4870");
    assertThat(r.p99().atLeast()).isTrue();
    assertThat(r.acceptP99().toString()).isEqualTo("2");
    assertThat(r.sustained()).isFalse();

    book.classified(13, 5_100 * MS);
    book.classified(7, 5_100 * MS); // partly stored before its 503: seen, still failed
    assertThat(book.complete()).isTrue();
  }

  @Test
  void theHighestSustainedRateNeedsEveryContactClassifiedAndP99UnderASecond() {
    List<StepResult> steps = List.of(step(250, 0, 0, 120), step(500, 0, 0, 140),
        step(1000, 0, 0, 999), step(1500, 0, 1, 400), step(2000, 3, 0, 300),
        step(2500, 0, 0, 1000));
    assertThat(steps).extracting(StepResult::sustained)
        .containsExactly(true, true, true, false, false, false);
    assertThat(StepResult.maxSustained(steps)).hasValue(1000);
    assertThat(StepResult.line(steps))
        .isEqualTo("result: max_sustained_per_s=1000 p99_ms_at_500=140 p99_ms_at_1000=999");
    assertThat(StepResult.line(List.of(step(250, 0, 0, 15_200))))
        .isEqualTo("result: max_sustained_per_s=0 p99_ms_at_500=- p99_ms_at_1000=-");
    assertThat(step(250, 0, 0, 10).row()).contains("250").endsWith("yes");
  }

  @Test
  void optionsRejectNonsenseAndTheTrafficIsAMixOfSizes() {
    assertThat(PipelineBench.Options.defaults().rates()).containsExactly(250, 500, 1000, 1500,
        2000);
    assertThatThrownBy(() -> new PipelineBench.Options(List.of(), Duration.ofSeconds(60),
        Duration.ZERO, Duration.ofSeconds(30), 1)).hasMessageContaining("rates");
    assertThatThrownBy(() -> new PipelineBench.Options(List.of(100), Duration.ofMillis(10),
        Duration.ZERO, Duration.ofSeconds(30), 1)).hasMessageContaining("step");

    PipelineTraffic traffic = PipelineTraffic.generate(
        TaxonomyLoader.loadDefault(RuleParser.check()), 400, 42);
    assertThat(traffic.mix()).matches("chat [34]\\d %, call 3\\d %, e-mail 2\\d %");
    String body = traffic.body("pb0-7", java.time.Instant.parse("2026-12-02T10:00:00Z"), 7);
    assertThat(body).startsWith("{\"contactId\":\"pb0-7\",\"occurredAt\":\"2026-12-02T10:00:00Z\","
        + "\"customerId\":\"customer-").endsWith("}");
    assertThat(traffic.averageBytes()).isBetween(500, 1_500);
  }

  private static StepResult step(int rate, int failed, int unseen, double p99) {
    StepResult.Latency l = new StepResult.Latency(p99, unseen > 0);
    return new StepResult(rate, 60, rate * 60, rate * 60 - failed, failed, unseen, rate, rate,
        l, l, l, l);
  }
}
