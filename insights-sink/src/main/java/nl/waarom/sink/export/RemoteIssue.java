package nl.waarom.sink.export;

import java.util.Objects;

/**
 * An issue in a tracker as the exporter knows it.
 *
 * @param externalId the tracker's id; never null
 * @param key human key (Jira key, GitHub number); may be null
 * @param url browser URL; may be null
 * @param status tracker status name (Jira status, GitHub open/closed); may be null when unknown
 * @param statusCategory Jira statusCategory key, GitHub state_reason or open; may be null
 */
public record RemoteIssue(String externalId, String key, String url, String status,
    String statusCategory) {
  public RemoteIssue {
    Objects.requireNonNull(externalId, "externalId");
  }
}
