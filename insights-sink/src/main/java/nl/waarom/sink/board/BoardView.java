package nl.waarom.sink.board;

import java.util.List;
import java.util.Objects;
import nl.waarom.sink.backlog.BacklogItem;

/**
 * Everything the board page shows.
 *
 * @param topReasons never null
 * @param backlog never null, in rank order
 */
public record BoardView(TopReasons topReasons, List<BacklogItem> backlog) {
  public BoardView {
    Objects.requireNonNull(topReasons, "topReasons");
    backlog = List.copyOf(backlog);
  }
}
