package nl.waarom.analyzer.classify;

import java.util.List;

/** The fields of a contact document that rules can search. */
public final class Fields {
  /** All turns of the contact; the default field of a rule. */
  public static final String TEXT = "text";
  /** The customer's turns only. */
  public static final String CUSTOMER = "customer";
  /** The agent's turns only. */
  public static final String AGENT = "agent";
  /** Every field, default first. */
  public static final List<String> ALL = List.of(TEXT, CUSTOMER, AGENT);

  private Fields() {}
}
