package nl.waarom.sink.board;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.waarom.sink.contacts.ReasonNames;
import nl.waarom.sink.db.BacklogItem;
import nl.waarom.sink.db.ShareRow;

/**
 * Everything the board page shows.
 *
 * @param topReasons never null
 * @param backlog never null, in rank order (open items)
 * @param sparklines per reason id, contacts per minute over the top-reasons window, oldest
 *     first; never null (a reason without a series gets no sparkline)
 * @param shares recent 15-minute explained shares, newest first; never null
 * @param names the reasons' display names; never null
 */
public record BoardView(TopReasons topReasons, List<BacklogItem> backlog,
    Map<String, long[]> sparklines, List<ShareRow> shares, ReasonNames names) {
  public BoardView {
    Objects.requireNonNull(topReasons, "topReasons");
    Objects.requireNonNull(names, "names");
    backlog = List.copyOf(backlog);
    sparklines = Map.copyOf(sparklines);
    shares = List.copyOf(shares);
  }

  /** A view whose reasons show as their ids. */
  public BoardView(TopReasons topReasons, List<BacklogItem> backlog,
      Map<String, long[]> sparklines, List<ShareRow> shares) {
    this(topReasons, backlog, sparklines, shares, ReasonNames.ids());
  }

  /** A view without sparklines or explained-share history. */
  public BoardView(TopReasons topReasons, List<BacklogItem> backlog) {
    this(topReasons, backlog, Map.of(), List.of());
  }

  /** Open items about an emerging reason, waiting for a decision (promote or dismiss). */
  public List<BacklogItem> emerging() {
    return backlog.stream().filter(i -> "EMERGING_REASON".equals(i.kind()))
        .filter(i -> i.status().equals("new") || i.status().equals("triaged")).toList();
  }
}
