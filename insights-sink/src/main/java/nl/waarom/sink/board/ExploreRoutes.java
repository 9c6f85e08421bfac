package nl.waarom.sink.board;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.function.Supplier;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import nl.waarom.sink.contacts.ReasonNames;
import nl.waarom.sink.explore.Explorer;
import nl.waarom.sink.explore.FigureSource;
import nl.waarom.sink.explore.Names;
import nl.waarom.sink.explore.Overview;
import nl.waarom.sink.explore.Period;

/**
 * The team's workspace pages: {@code GET /explore} (the overview of a period) and
 * {@code GET /reasons/{id}} (one reason in a period). Query parameters: {@code period}
 * (today, 7d, 30d or custom with {@code from} and {@code to}, UTC days), {@code channel},
 * {@code queue}, {@code sort} (volume, cost, growth), {@code resolution} (minute, hour, day) and
 * {@code lang}, and {@code figures=classified} for the figures as the analyzer counted them when a
 * re-score under the version in force covers the page. A bad value answers 400 naming it.
 */
final class ExploreRoutes {
  private final Explorer explorer;
  private final Money money;
  private final Clock clock;

  ExploreRoutes(DataSource dataSource, Money money, Clock clock,
      Supplier<ReasonNames> names) {
    this.explorer = new Explorer(dataSource, money.costPerMinute(), names);
    this.money = money;
    this.clock = clock;
  }

  /** GET /explore */
  void overview(Context ctx) {
    Page page = Page.of(ctx);
    Period period = period(ctx);
    Overview.Sort sort;
    try {
      sort = Overview.Sort.parse(ctx.queryParam("sort"));
    } catch (IllegalArgumentException e) {
      throw new QueryParams.BadParameterException("sort", e.getMessage());
    }
    String queue = blankToNull(ctx.queryParam("queue"));
    Overview.Filter filter = new Overview.Filter(channel(ctx), queue, sort);
    Names names = explorer.names();
    FigureSource source = explorer.source(period, names.version(), queue != null,
        asClassified(ctx));
    Overview overview = explorer.overview(period, filter, names, source.runId());
    ctx.html(ExploreRenderer.render(page, overview, new ExploreRenderer.Context(names,
        explorer.queues(), explorer.retainedSince().orElse(null), money, source)));
  }

  /** GET /reasons/{id} */
  void reason(Context ctx) {
    Page page = Page.of(ctx);
    Period period = period(ctx);
    String reasonId = ctx.pathParam("id");
    String resolution = ctx.queryParam("resolution");
    if (resolution != null && !resolution.isBlank() && !List.of("minute", "hour", "day")
        .contains(resolution.strip().toLowerCase(Locale.ROOT))) {
      throw new QueryParams.BadParameterException("resolution", "minute, hour or day: '"
          + resolution + "'");
    }
    Names names = explorer.names();
    FigureSource source = explorer.source(period, names.version(), false, asClassified(ctx));
    nl.waarom.sink.explore.ReasonPage r = explorer.reason(reasonId, period, resolution,
        channel(ctx), source.runId());
    ctx.html(ReasonRenderer.render(page, r, names, money, explorer.costPerMinute(), source));
  }

  /** {@code figures=classified}: the figures as the analyzer counted them, not a re-score. */
  private static boolean asClassified(Context ctx) {
    String v = ctx.queryParam(FigureSourceRenderer.AS_CLASSIFIED);
    if (v == null || v.isBlank() || v.equals("rescored")) {
      return false;
    }
    if (v.equals("classified")) {
      return true;
    }
    throw new QueryParams.BadParameterException(FigureSourceRenderer.AS_CLASSIFIED,
        "classified or rescored: '" + v + "'");
  }

  private Period period(Context ctx) {
    try {
      return Period.parse(ctx.queryParam("period"), ctx.queryParam("from"), ctx.queryParam("to"),
          clock.instant());
    } catch (IllegalArgumentException e) {
      throw new QueryParams.BadParameterException("period", e.getMessage());
    }
  }

  private static String channel(Context ctx) {
    String channel = blankToNull(ctx.queryParam("channel"));
    if (channel == null) {
      return null;
    }
    String c = channel.toUpperCase(Locale.ROOT);
    if (!ExploreRenderer.CHANNELS.contains(c)) {
      throw new QueryParams.BadParameterException("channel", "one of "
          + ExploreRenderer.CHANNELS + ": '" + channel + "'");
    }
    return c;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
