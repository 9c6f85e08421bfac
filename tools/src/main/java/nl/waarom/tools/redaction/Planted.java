package nl.waarom.tools.redaction;

import nl.waarom.ingest.privacy.PiiType;

/**
 * A value planted in a generated message at {@code [start, end)}: personal data of a
 * {@code type}, or a near-miss (type null) of a {@code kind} such as amount or date that must not
 * be redacted.
 */
record Planted(int start, int end, PiiType type, String kind) {
  boolean isPii() {
    return type != null;
  }
}
