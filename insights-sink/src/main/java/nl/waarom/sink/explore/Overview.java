package nl.waarom.sink.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.waarom.sink.db.ExploreReads;

/**
 * The overview of a period: per reason its figures now and in the previous period of the same
 * length, rolled up by the taxonomy's groups (a reason's {@code parent}; a top-level reason is a
 * group of its own, and so are {@code unexplained} and reasons the taxonomy in force does not
 * know), groups and the reasons within them in the chosen order. Built by {@link #of}, a pure
 * function. Immutable.
 *
 * @param period never null
 * @param filter never null
 * @param groups never null, in the chosen order
 * @param total all contacts of the period, unexplained included
 * @param totalBefore all contacts of the previous period
 * @param costPerMinute the configured cost of a handle minute
 */
public record Overview(Period period, Filter filter, List<Group> groups, Figures total,
    Figures totalBefore, double costPerMinute) {

  /** What the overview is limited to; null fields mean everything. */
  public record Filter(String channel, String queue, Sort sort) {}

  /** The orders the overview offers. */
  public enum Sort {
    VOLUME, COST, GROWTH;

    /** volume (default), cost or growth, in any case. */
    public static Sort parse(String text) {
      if (text == null || text.isBlank()) {
        return VOLUME;
      }
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("sort must be volume, cost or growth: '" + text + "'");
      }
    }
  }

  /** One reason's line. */
  public record Line(String reasonId, Figures now, Figures before) {}

  /** A group with its reasons; {@code figures} add up its lines. */
  public record Group(String groupId, List<Line> lines, Figures now, Figures before) {}

  /** The share of contacts that have a reason; null without contacts. */
  public Double explainedShare() {
    if (total.contacts() == 0) {
      return null;
    }
    long unexplained = groups.stream().flatMap(g -> g.lines().stream())
        .filter(l -> l.reasonId().equals(ExploreReads.UNEXPLAINED))
        .mapToLong(l -> l.now().contacts()).sum();
    return (total.contacts() - unexplained) / (double) total.contacts();
  }

  /**
   * Builds the overview.
   *
   * @param now totals per reason in the period; never null
   * @param before totals per reason in the previous period; never null
   * @param parents reason → its group, for the reasons the taxonomy in force names (null or
   *     absent: a top-level reason); never null
   */
  public static Overview of(Period period, Filter filter, List<ExploreReads.ReasonTotals> now,
      List<ExploreReads.ReasonTotals> before, Map<String, String> parents,
      double costPerMinute) {
    Map<String, Figures> current = new HashMap<>();
    now.forEach(t -> current.merge(t.reasonId(), Figures.of(t), Figures::plus));
    Map<String, Figures> previous = new HashMap<>();
    before.forEach(t -> previous.merge(t.reasonId(), Figures.of(t), Figures::plus));
    Map<String, List<Line>> byGroup = new LinkedHashMap<>();
    java.util.Set<String> reasons = new java.util.TreeSet<>(current.keySet());
    reasons.addAll(previous.keySet());
    for (String reason : reasons) {
      String parent = parents.get(reason);
      byGroup.computeIfAbsent(parent == null ? reason : parent, g -> new ArrayList<>())
          .add(new Line(reason, current.getOrDefault(reason, Figures.NONE),
              previous.getOrDefault(reason, Figures.NONE)));
    }
    Comparator<Line> lineOrder = order(filter.sort(), costPerMinute, Line::now, Line::before);
    List<Group> groups = new ArrayList<>();
    byGroup.forEach((id, lines) -> {
      lines.sort(lineOrder.thenComparing(Line::reasonId));
      Figures n = lines.stream().map(Line::now).reduce(Figures.NONE, Figures::plus);
      Figures b = lines.stream().map(Line::before).reduce(Figures.NONE, Figures::plus);
      groups.add(new Group(id, List.copyOf(lines), n, b));
    });
    groups.sort(order(filter.sort(), costPerMinute, Group::now, Group::before)
        .thenComparing(Group::groupId));
    Figures total = current.values().stream().reduce(Figures.NONE, Figures::plus);
    Figures totalBefore = previous.values().stream().reduce(Figures.NONE, Figures::plus);
    return new Overview(period, filter, List.copyOf(groups), total, totalBefore, costPerMinute);
  }

  /** Largest first: volume, cost (unknown last) or absolute growth. */
  private static <T> Comparator<T> order(Sort sort, double costPerMinute,
      java.util.function.Function<T, Figures> now,
      java.util.function.Function<T, Figures> before) {
    Comparator<T> c = switch (sort) {
      case VOLUME -> Comparator.comparingLong(t -> now.apply(t).contacts());
      case COST -> Comparator.comparingDouble(t -> {
        Double cost = now.apply(t).cost(costPerMinute);
        return cost == null ? -1 : cost;
      });
      case GROWTH -> Comparator.comparingLong(t -> now.apply(t).growth(before.apply(t)));
    };
    return c.reversed();
  }
}
