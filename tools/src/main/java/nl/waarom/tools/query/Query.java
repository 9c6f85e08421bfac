package nl.waarom.tools.query;

import java.util.Locale;

/** The three questions a query command answers, each about one topic. */
public enum Query {
  /** {@code ./waarom insights}: the insights topic, by detection time. */
  INSIGHTS(new InsightView()),
  /** {@code ./waarom trends}: the reason-trends topic, by window start. */
  TRENDS(new TrendView()),
  /** {@code ./waarom contacts}: the contacts.classified topic, by the time of the contact. */
  CONTACTS(new ContactView());

  private final RecordView<?> view;

  Query(RecordView<?> view) {
    this.view = view;
  }

  RecordView<?> view() {
    return view;
  }

  /** The command's name, e.g. {@code insights}. */
  public String command() {
    return name().toLowerCase(Locale.ROOT);
  }
}
