package nl.waarom.sink.db;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes the team workspace's records inside the caller's transaction: taxonomy versions with
 * their reasons, the contacts of the retention window (the redacted words from the contact topics
 * and the classification from {@code contacts.classified}, merged into one row by contact id in
 * whichever order they arrive) and editors' corrections (the latest one per contact applied to its
 * row, see {@link Corrected}). Every statement is an idempotent upsert: a re-delivered record
 * changes nothing.
 */
final class ContactStore {
  private static final TypeReference<List<ReasonEntry>> REASONS = new TypeReference<>() {};

  private static final String TAXONOMY = "INSERT INTO taxonomy_versions AS t (version,"
      + " published_at, sha256, yaml) VALUES (:version, :publishedAt, :sha256, :yaml)"
      + " ON CONFLICT (version) DO UPDATE SET published_at = greatest(t.published_at,"
      + " EXCLUDED.published_at), sha256 = EXCLUDED.sha256, yaml = EXCLUDED.yaml"
      + " WHERE (greatest(t.published_at, EXCLUDED.published_at), t.sha256, t.yaml)"
      + " IS DISTINCT FROM (t.published_at, EXCLUDED.sha256, EXCLUDED.yaml)";
  private static final String REASON = "INSERT INTO taxonomy_reasons (version, reason_id, name_nl,"
      + " name_en, parent, preventability, owner, position) VALUES (:version, :reasonId, :nameNl,"
      + " :nameEn, :parent, :preventability, :owner, :position)";
  // A correction stored before the sink kept words gets them when its record is read again.
  private static final String CORRECTION = "INSERT INTO corrections AS k (correction_id,"
      + " contact_id, actor, reason_id, previous_reason_id, taxonomy_version, corrected_at, text,"
      + " language) VALUES (:correctionId, :contactId, :actor, :reasonId, :previousReasonId,"
      + " :taxonomyVersion, :correctedAt, :text, :language) ON CONFLICT (correction_id)"
      + " DO UPDATE SET text = EXCLUDED.text, language = EXCLUDED.language"
      + " WHERE k.text IS NULL AND EXCLUDED.text IS NOT NULL";
  private static final String TEXT = "INSERT INTO contacts AS c (contact_id, channel, occurred_at,"
      + " language, queue, ivr_path, attributes, customer_key, handle_millis, subject, turns,"
      + " search_text) VALUES (:contactId, :channel, :occurredAt, :language, :queue, :ivrPath,"
      + " :attributes::jsonb, :customerKey, :handleMillis, :subject, :turns::jsonb, :searchText)"
      + " ON CONFLICT (contact_id) DO UPDATE SET subject = EXCLUDED.subject,"
      + " turns = EXCLUDED.turns, search_text = EXCLUDED.search_text,"
      + " language = coalesce(c.language, EXCLUDED.language),"
      + " queue = coalesce(c.queue, EXCLUDED.queue),"
      + " ivr_path = coalesce(c.ivr_path, EXCLUDED.ivr_path),"
      + " attributes = CASE WHEN c.attributes = '{}'::jsonb THEN EXCLUDED.attributes"
      + " ELSE c.attributes END,"
      + " customer_key = coalesce(c.customer_key, EXCLUDED.customer_key),"
      + " handle_millis = coalesce(c.handle_millis, EXCLUDED.handle_millis), updated_at = now()"
      + " WHERE (c.subject, c.turns, c.search_text) IS DISTINCT FROM"
      + " (EXCLUDED.subject, EXCLUDED.turns, EXCLUDED.search_text)";
  // The classification is authoritative for the fields both carry (the analyzer may have
  // detected the language); the words never come from it.
  private static final String CLASSIFICATION = "INSERT INTO contacts AS c (contact_id, channel,"
      + " occurred_at, language, queue, ivr_path, attributes, customer_key, handle_millis,"
      + " taxonomy_version, primary_reason_id, reasons, classified_reasons, unexplained, repeat_of,"
      + " customer_negative, turn_sentiments, terms, callback_requested) VALUES (:contactId,"
      + " :channel, :occurredAt,"
      + " :language, :queue, :ivrPath, :attributes::jsonb, :customerKey, :handleMillis,"
      + " :taxonomyVersion, :primaryReasonId, :reasons::jsonb, :classifiedReasons::jsonb,"
      + " :unexplained, :repeatOf, :customerNegative, :turnSentiments::jsonb, :terms::jsonb,"
      + " :callbackRequested)"
      + " ON CONFLICT (contact_id) DO UPDATE SET channel = EXCLUDED.channel,"
      + " occurred_at = EXCLUDED.occurred_at, language = coalesce(EXCLUDED.language, c.language),"
      + " queue = coalesce(EXCLUDED.queue, c.queue),"
      + " ivr_path = coalesce(EXCLUDED.ivr_path, c.ivr_path),"
      + " attributes = CASE WHEN EXCLUDED.attributes = '{}'::jsonb THEN c.attributes"
      + " ELSE EXCLUDED.attributes END,"
      + " customer_key = coalesce(EXCLUDED.customer_key, c.customer_key),"
      + " handle_millis = coalesce(EXCLUDED.handle_millis, c.handle_millis),"
      + " taxonomy_version = EXCLUDED.taxonomy_version,"
      + " primary_reason_id = EXCLUDED.primary_reason_id, reasons = EXCLUDED.reasons,"
      + " classified_reasons = EXCLUDED.classified_reasons, unexplained = EXCLUDED.unexplained,"
      + " repeat_of = EXCLUDED.repeat_of, customer_negative = EXCLUDED.customer_negative,"
      + " turn_sentiments = EXCLUDED.turn_sentiments, terms = EXCLUDED.terms,"
      + " callback_requested = EXCLUDED.callback_requested, updated_at = now()"
      + " WHERE (c.taxonomy_version, c.primary_reason_id, c.reasons, c.classified_reasons,"
      + " c.unexplained, c.repeat_of, c.customer_negative, c.turn_sentiments, c.terms,"
      + " c.occurred_at, c.channel, c.callback_requested) IS DISTINCT FROM"
      + " (EXCLUDED.taxonomy_version,"
      + " EXCLUDED.primary_reason_id, EXCLUDED.reasons, EXCLUDED.classified_reasons,"
      + " EXCLUDED.unexplained, EXCLUDED.repeat_of, EXCLUDED.customer_negative,"
      + " EXCLUDED.turn_sentiments, EXCLUDED.terms, EXCLUDED.occurred_at, EXCLUDED.channel,"
      + " EXCLUDED.callback_requested)";
  private static final String LATEST = "SELECT DISTINCT ON (contact_id) correction_id, contact_id,"
      + " actor, reason_id, previous_reason_id, taxonomy_version, corrected_at, text, language"
      + " FROM corrections"
      + " WHERE contact_id = ANY (:ids) ORDER BY contact_id, corrected_at DESC, correction_id DESC";
  private static final String CLASSIFIED = "SELECT contact_id, classified_reasons::text AS r"
      + " FROM contacts WHERE contact_id = ANY (:ids) AND classified_reasons IS NOT NULL";
  private static final String APPLY = "UPDATE contacts SET primary_reason_id = :primaryReasonId,"
      + " reasons = :reasons::jsonb, unexplained = :unexplained, updated_at = now()"
      + " WHERE contact_id = :contactId AND (primary_reason_id, reasons, unexplained)"
      + " IS DISTINCT FROM (:primaryReasonId, :reasons::jsonb, :unexplained)";

  private ContactStore() {}

  /** Writes the batch inside the caller's transaction. */
  static ContactBatch.Counts write(Handle h, ContactBatch batch) {
    if (batch.isEmpty()) {
      return ContactBatch.Counts.NONE;
    }
    int taxonomies = 0;
    for (TaxonomyRow t : batch.taxonomies()) {
      taxonomies += taxonomy(h, t);
    }
    int corrections = corrections(h, batch.corrections());
    int texts = texts(h, batch.texts());
    int classifications = classifications(h, batch.classifications());
    applyCorrections(h, batch.corrections());
    return new ContactBatch.Counts(taxonomies, texts, classifications, corrections);
  }

  private static int taxonomy(Handle h, TaxonomyRow t) {
    int changed = h.createUpdate(TAXONOMY).bind("version", t.version())
        .bindByType("publishedAt", t.publishedAt(), Instant.class).bind("sha256", t.sha256())
        .bind("yaml", t.yaml()).execute();
    h.createUpdate("DELETE FROM taxonomy_reasons WHERE version = :version")
        .bind("version", t.version()).execute();
    if (!t.reasons().isEmpty()) {
      PreparedBatch reasons = h.prepareBatch(REASON);
      int position = 0;
      for (TaxonomyRow.ReasonName r : t.reasons()) {
        reasons.bind("version", t.version()).bind("reasonId", r.reasonId())
            .bind("nameNl", r.nameNl()).bind("nameEn", r.nameEn()).bind("parent", r.parent())
            .bind("preventability", r.preventability()).bind("owner", r.owner())
            .bind("position", position++).add();
      }
      reasons.execute();
    }
    return changed;
  }

  private static int corrections(Handle h, List<CorrectionRow> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    PreparedBatch batch = h.prepareBatch(CORRECTION);
    for (CorrectionRow c : rows) {
      batch.bind("correctionId", c.correctionId()).bind("contactId", c.contactId())
          .bind("actor", c.actor()).bind("reasonId", c.reasonId())
          .bind("previousReasonId", c.previousReasonId())
          .bind("taxonomyVersion", c.taxonomyVersion())
          .bindByType("correctedAt", c.correctedAt(), Instant.class)
          .bind("text", c.text()).bind("language", c.language()).add();
    }
    return TrendStore.changed(batch.execute());
  }

  private static int texts(Handle h, List<ContactText> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    PreparedBatch batch = h.prepareBatch(TEXT);
    for (ContactText t : rows) {
      batch.bind("contactId", t.contactId()).bind("channel", t.channel())
          .bindByType("occurredAt", t.occurredAt(), Instant.class).bind("language", t.language())
          .bind("queue", t.queue()).bind("ivrPath", t.ivrPath())
          .bind("attributes", Json.write(t.attributes())).bind("customerKey", t.customerKey())
          .bind("handleMillis", t.handleMillis()).bind("subject", t.subject())
          .bind("turns", Json.write(t.turns())).bind("searchText", t.searchText()).add();
    }
    return TrendStore.changed(batch.execute());
  }

  private static int classifications(Handle h, List<Classification> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    Map<String, CorrectionRow> latest = latest(h, rows.stream().map(Classification::contactId)
        .toList());
    PreparedBatch batch = h.prepareBatch(CLASSIFICATION);
    for (Classification c : rows) {
      Corrected now = Corrected.apply(c.reasons(), latest.get(c.contactId()));
      batch.bind("contactId", c.contactId()).bind("channel", c.channel())
          .bindByType("occurredAt", c.occurredAt(), Instant.class).bind("language", c.language())
          .bind("queue", c.queue()).bind("ivrPath", c.ivrPath())
          .bind("attributes", Json.write(c.attributes())).bind("customerKey", c.customerKey())
          .bind("handleMillis", c.handleMillis()).bind("taxonomyVersion", c.taxonomyVersion())
          .bind("primaryReasonId", now.primaryReasonId())
          .bind("reasons", Json.write(now.reasons()))
          .bind("classifiedReasons", Json.write(c.reasons()))
          .bind("unexplained", now.unexplained()).bind("repeatOf", c.repeatOf())
          .bind("customerNegative", c.customerNegative())
          .bind("turnSentiments", Json.write(c.turnSentiments()))
          .bind("terms", Json.write(c.terms()))
          .bind("callbackRequested", c.callbackRequested()).add();
    }
    return TrendStore.changed(batch.execute());
  }

  /** Applies the latest correction of every contact the batch corrected to its classified row. */
  private static void applyCorrections(Handle h, List<CorrectionRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    Set<String> ids = new LinkedHashSet<>();
    rows.forEach(c -> ids.add(c.contactId()));
    Map<String, CorrectionRow> latest = latest(h, List.copyOf(ids));
    Map<String, List<ReasonEntry>> classified = new HashMap<>();
    h.createQuery(CLASSIFIED).bindArray("ids", String.class, List.copyOf(ids))
        .map((rs, ctx) -> Map.entry(rs.getString("contact_id"), reasons(rs.getString("r"))))
        .forEach(e -> classified.put(e.getKey(), e.getValue()));
    if (classified.isEmpty()) {
      return; // not classified yet: the classification applies them when it arrives
    }
    PreparedBatch batch = h.prepareBatch(APPLY);
    classified.forEach((id, reasons) -> {
      Corrected now = Corrected.apply(reasons, latest.get(id));
      batch.bind("contactId", id).bind("primaryReasonId", now.primaryReasonId())
          .bind("reasons", Json.write(now.reasons())).bind("unexplained", now.unexplained())
          .add();
    });
    batch.execute();
  }

  private static Map<String, CorrectionRow> latest(Handle h, List<String> ids) {
    Map<String, CorrectionRow> latest = new HashMap<>();
    h.createQuery(LATEST).bindArray("ids", String.class, ids)
        .map((rs, ctx) -> ContactReads.correction(rs))
        .forEach(c -> latest.put(c.contactId(), c));
    return latest;
  }

  static List<ReasonEntry> reasons(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return List.copyOf(Json.mapper().readValue(json, REASONS));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("reasons are not a JSON array of reasons: " + json, e);
    }
  }
}
