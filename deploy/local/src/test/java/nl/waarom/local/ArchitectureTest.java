package nl.waarom.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What may import what, checked on the compiled production classes of every module (this module's
 * test class path holds them all). The module map and the reasons are in docs/ARCHITECTURE.md:
 * {@code schemas} is the contract and imports nothing of ours; {@code platform} and {@code taxonomy}
 * build only on the contract; the three services never import each other, except that the sink
 * uses the analyzer's classification library (which in turn uses nothing of the analyzer's
 * service); {@code tools} and {@code deploy/local} sit on top; nothing in production imports the test fixtures; inside a
 * service, feature packages do not import its {@code app} wiring, and feature packages form no
 * cycle.
 */
class ArchitectureTest {
  /**
   * The analyzer's packages the sink may use as a library (docs/ARCHITECTURE.md): the classifier,
   * its model and sentiment scorer, what corrections make of it, the backtest engine and the
   * repeat rule.
   */
  private static final String[] CLASSIFICATION_LIBRARY = {"nl.waarom.analyzer.classify..",
      "nl.waarom.analyzer.model..", "nl.waarom.analyzer.sentiment..",
      "nl.waarom.analyzer.corrections..", "nl.waarom.analyzer.backtest..",
      "nl.waarom.analyzer.repeats.rule.."};

  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("nl.waarom");
  }

  @Test
  void modulesDependOnlyDownwards() {
    layeredArchitecture().consideringOnlyDependenciesInAnyPackage("nl.waarom..")
        .layer("schemas").definedBy("nl.waarom.schemas..")
        .layer("platform").definedBy("nl.waarom.platform..")
        .layer("taxonomy").definedBy("nl.waarom.taxonomy..")
        .layer("ingest").definedBy("nl.waarom.ingest..")
        .layer("classification").definedBy(CLASSIFICATION_LIBRARY)
        .layer("analyzer").definedBy(analyzerService())
        .layer("sink").definedBy("nl.waarom.sink..")
        .layer("tools").definedBy("nl.waarom.tools..")
        .layer("local").definedBy("nl.waarom.local..")
        .layer("test-support").definedBy("nl.waarom.testing..")
        .whereLayer("local").mayNotBeAccessedByAnyLayer()
        .whereLayer("tools").mayOnlyBeAccessedByLayers("local")
        .whereLayer("ingest").mayOnlyBeAccessedByLayers("tools", "local")
        .whereLayer("analyzer").mayOnlyBeAccessedByLayers("tools", "local")
        .whereLayer("classification")
        .mayOnlyBeAccessedByLayers("analyzer", "sink", "tools", "local")
        .whereLayer("sink").mayOnlyBeAccessedByLayers("tools", "local")
        .whereLayer("taxonomy")
        .mayOnlyBeAccessedByLayers("classification", "analyzer", "sink", "tools", "local")
        .whereLayer("platform")
        .mayOnlyBeAccessedByLayers("ingest", "classification", "analyzer", "sink", "tools",
            "local")
        .whereLayer("test-support").mayNotBeAccessedByAnyLayer()
        .check(production);
  }

  /**
   * The one exception to "services never import each other": the analyzer's classification
   * library stays free of its service (streams, trends, app wiring ...), so the sink that uses it
   * runs the analyzer's classifier, not the analyzer.
   */
  @Test
  void theClassificationLibraryDoesNotDependOnTheAnalyzerService() {
    noClasses().that().resideInAnyPackage(CLASSIFICATION_LIBRARY)
        .should().dependOnClassesThat().resideInAnyPackage(analyzerService())
        .check(production);
  }

  @Test
  void theSinkUsesOnlyTheClassificationLibraryOfTheAnalyzer() {
    noClasses().that().resideInAPackage("nl.waarom.sink..")
        .should().dependOnClassesThat().resideInAnyPackage(analyzerService())
        .check(production);
  }

  /** The analyzer's packages outside {@link #CLASSIFICATION_LIBRARY}: its service. */
  private static String[] analyzerService() {
    return production.stream().map(c -> c.getPackageName())
        .filter(p -> p.startsWith("nl.waarom.analyzer.") || p.equals("nl.waarom.analyzer"))
        .filter(p -> java.util.Arrays.stream(CLASSIFICATION_LIBRARY).noneMatch(
            lib -> p.equals(lib.replace("..", "")) || p.startsWith(lib.replace("..", "."))))
        .distinct().toArray(String[]::new);
  }

  /** The JDK (with its TLS API, for an https schema registry), Avro and Kafka's common classes. */
  @Test
  void theContractImportsNothingButAvroAndKafkaClients() {
    noClasses().that().resideInAPackage("nl.waarom.schemas..")
        .should().dependOnClassesThat().resideOutsideOfPackages(
            // javax.net.ssl: the JDK's TLS, which the schema registry client trusts a PEM with
            "nl.waarom.schemas..", "java..", "javax.net.ssl..", "org.apache.avro..",
            "org.apache.kafka.common..")
        .check(production);
  }

  @ParameterizedTest
  @ValueSource(strings = {"analyzer", "sink"})
  void featurePackagesDoNotImportTheAppWiring(String service) {
    String app = "nl.waarom." + service + ".app..";
    noClasses().that().resideInAPackage("nl.waarom." + service + "..")
        .and().resideOutsideOfPackage(app)
        .should().dependOnClassesThat().resideInAPackage(app)
        .check(production);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "analyzer", "sink", "tools", "local"})
  void featurePackagesFormNoCycle(String module) {
    slices().matching("nl.waarom." + module + ".(*)..").should().beFreeOfCycles()
        .check(production);
  }
}
