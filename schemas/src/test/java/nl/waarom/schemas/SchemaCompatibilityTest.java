package nl.waarom.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract's evolution rules: each released version of a schema is backward- and
 * forward-compatible with the one before it, and the schema the code is generated from is the
 * latest released version (a change to an .avsc must add a released version file).
 */
class SchemaCompatibilityTest {

  static List<Class<?>> recordTypes() {
    return ReleasedSchemas.recordTypes();
  }

  @ParameterizedTest
  @MethodSource("recordTypes")
  void everyReleasedVersionIsCompatibleWithItsPredecessor(Class<?> type) {
    List<Schema> versions = ReleasedSchemas.versionsOf(type.getName());
    assertThat(versions).as("released versions of %s", type.getSimpleName()).isNotEmpty();
    for (int i = 1; i < versions.size(); i++) {
      Schema older = versions.get(i - 1);
      Schema newer = versions.get(i);
      assertCompatible("v" + (i + 1) + " reads v" + i + " (backward)", newer, older);
      assertCompatible("v" + i + " reads v" + (i + 1) + " (forward)", older, newer);
    }
  }

  @ParameterizedTest
  @MethodSource("recordTypes")
  void generatedSchemaIsTheLatestReleasedVersion(Class<?> type) {
    Schema current = SpecificData.get().getSchema(type);
    List<Schema> versions = ReleasedSchemas.versionsOf(type.getName());
    Schema latest = versions.get(versions.size() - 1);
    assertCompatible("current reads latest released", current, latest);
    assertCompatible("latest released reads current", latest, current);
    assertThat(SchemaNormalization.parsingFingerprint64(current))
        .as("%s.avsc changed: add released/%s/v%d.avsc (never edit a released file)",
            type.getSimpleName(), type.getSimpleName(), versions.size() + 1)
        .isEqualTo(SchemaNormalization.parsingFingerprint64(latest));
  }

  private static void assertCompatible(String what, Schema reader, Schema writer) {
    var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    assertThat(result.getType())
        .as("%s: %s", what, result.getDescription())
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }
}
