package nl.waarom.ingest.webhook;

import java.util.List;
import java.util.Optional;

/** The platforms whose webhooks Waarom understands, in one place for the gateway and the tools. */
public final class WebhookAdapters {
  private static final List<WebhookAdapter> ALL = List.of(new IntercomAdapter(),
      new ZendeskAdapter());

  private WebhookAdapters() {}

  /** Every adapter; never null. */
  public static List<WebhookAdapter> all() {
    return ALL;
  }

  /** The adapter of a platform name such as {@code intercom}; empty when unknown. */
  public static Optional<WebhookAdapter> of(String platform) {
    return ALL.stream().filter(a -> a.platform().equals(platform)).findFirst();
  }
}
