package nl.waarom.analyzer.backtest;

import java.util.List;

/**
 * All contacts that flip from one reason to another, with the first few as examples.
 *
 * @param from the primary reason before; never null
 * @param to the primary reason after; never null
 * @param count how many contacts flip this way, at least 1
 * @param examples the first of them in input order, at most the number asked for; never null
 */
public record FlipGroup(String from, String to, long count, List<Flip> examples) {
  public FlipGroup {
    examples = List.copyOf(examples);
  }
}
