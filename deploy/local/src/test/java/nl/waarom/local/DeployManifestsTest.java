package nl.waarom.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.waarom.analyzer.app.AnalyzerSettings;
import nl.waarom.platform.Config;
import nl.waarom.platform.KafkaClientProperties;
import nl.waarom.platform.Setting;
import nl.waarom.ingest.gateway.GatewaySettings;
import nl.waarom.sink.app.SinkSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps the deployment manifests under {@code deploy/} honest against the code and the docs:
 * every {@code WAAROM_*} variable in {@code deploy/compose}, {@code deploy/k8s} and
 * {@code deploy/grafana} is a setting of the services' catalogues (and, where a container runs a
 * service, of that service's catalogue); probes and healthchecks use {@code /healthy} or
 * {@code /ready} on the service's port; container, Service and scrape ports are the port settings'
 * defaults; the Grafana dashboard queries only metrics documented in docs/operations.md;
 * connector configs use the keys documented in ingest/CONNECTORS.md; committed secrets are
 * placeholders.
 *
 * <p>The checks are plain functions over parsed documents, so {@link #checksReportBrokenManifests}
 * can prove on inline manifests that each of them fails when it should. No broker, no files
 * written; runs in well under a second.
 */
class DeployManifestsTest {
  private static final Path ROOT =
      Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
  private static final Path DEPLOY = ROOT.resolve("deploy");
  private static final Pattern WAAROM_VAR = Pattern.compile("WAAROM_[A-Z0-9_]+");
  private static final Set<String> PROBE_PATHS = Set.of("/healthy", "/ready");
  private static final String PLACEHOLDER = "REPLACE-ME";
  /** A Kafka sign-in template: everything but the password may be written out. */
  private static final Pattern JAAS_TEMPLATE = Pattern.compile("org\\.apache\\.kafka\\.common\\.security"
      + "\\.scram\\.ScramLoginModule required username=\"[\\w-]+\" password=\"" + PLACEHOLDER + "\";");
  /** The document whose metric table lists every metric the dashboard may query. */
  private static final String METRICS_DOC = "docs/operations.md";

  /** A service of the image: its entrypoint argument, settings catalogue and port setting. */
  enum Service {
    GATEWAY("gateway", GatewaySettings.all(), GatewaySettings.PORT),
    ANALYZER("analyzer", AnalyzerSettings.all(), AnalyzerSettings.PORT),
    SINK("sink", SinkSettings.all(), SinkSettings.PORT);

    final String command;
    final Set<String> variables;
    final Setting<Integer> port;

    Service(String command, List<Setting<?>> settings, Setting<Integer> port) {
      this.command = command;
      this.variables = settings.stream().map(Setting::env)
          .collect(Collectors.toCollection(TreeSet::new));
      this.port = port;
    }

    int defaultPort() {
      return Integer.parseInt(port.defaultValue());
    }

    static Service byCommand(Object command) {
      String first = firstWord(command);
      for (Service s : values()) {
        if (s.command.equals(first)) {
          return s;
        }
      }
      return null;
    }
  }

  private static Set<String> allVariables;

  @BeforeAll
  static void catalogues() {
    allVariables = new TreeSet<>();
    ConfigurationReference.services().values()
        .forEach(list -> list.forEach(s -> allVariables.add(s.env())));
  }

  // ---------------------------------------------------------------- the real manifests

  @Test
  void everyManifestParsesAndTheExpectedOnesExist() throws IOException {
    List<Path> yaml = yamlFiles();
    assertThat(yaml.stream().map(p -> DEPLOY.relativize(p).toString().replace('\\', '/')))
        .contains("compose/compose.yaml", "k8s/base/kustomization.yaml", "k8s/base/gateway.yaml",
            "k8s/base/analyzer.yaml", "k8s/base/sink.yaml", "k8s/base/configmap.yaml",
            "k8s/base/secret.yaml", "k8s/overlays/example/kustomization.yaml",
            "k8s/strimzi/kafka-connect.yaml", "k8s/strimzi/connectors.yaml");
    for (Path file : yaml) {
      assertThat(loadAll(Files.readString(file))).as("%s holds YAML documents", file).isNotEmpty();
    }
    assertThat(dashboard().path("panels").size()).isGreaterThan(5);
  }

  @Test
  void everyWaaromVariableIsASetting() throws IOException {
    List<String> errors = new ArrayList<>();
    try (Stream<Path> files = Files.walk(DEPLOY)) {
      for (Path f : files.filter(Files::isRegularFile)
          .filter(p -> !p.startsWith(DEPLOY.resolve("local"))).toList()) {
        errors.addAll(unknownVariables(rel(f), Files.readString(f)));
      }
    }
    assertThat(errors).as("WAAROM_* names that are no setting (see ./waarom config)").isEmpty();
    // and not vacuous: the scan found the variables the manifests must set
    assertThat(Files.readString(DEPLOY.resolve("k8s/base/secret.yaml")))
        .contains("WAAROM_PSEUDONYM_SECRET", "WAAROM_JDBC_PASSWORD", "WAAROM_JIRA_TOKEN",
            "WAAROM_GITHUB_TOKEN");
  }

  @Test
  void composeServicesMatchTheirCatalogues() throws IOException {
    Path file = DEPLOY.resolve("compose/compose.yaml");
    Map<String, Object> compose = map(loadAll(Files.readString(file)).get(0));
    List<String> errors = checkCompose(compose, envFile -> {
      // secrets/ is git-ignored; its committed template is secrets.example/
      Path example = file.resolveSibling(envFile.replaceFirst("^(\\./)?secrets/", "secrets.example/"));
      return Files.exists(example) ? Files.readString(example) : null;
    });
    assertThat(errors).isEmpty();
    Map<String, Object> services = map(compose.get("services"));
    assertThat(services.values().stream().map(s -> Service.byCommand(map(s).get("command"))))
        .contains(Service.GATEWAY, Service.ANALYZER, Service.SINK);
    assertThat(map(map(services.get("analyzer")).get("deploy")).get("replicas")).isEqualTo(2);
  }

  @Test
  void kubernetesWorkloadsMatchTheirCatalogues() throws IOException {
    List<Object> docs = new ArrayList<>();
    for (Path f : yamlFiles()) {
      if (f.startsWith(DEPLOY.resolve("k8s"))) {
        docs.addAll(loadAll(Files.readString(f)));
      }
    }
    assertThat(checkKubernetes(docs)).isEmpty();
    assertThat(docs.stream().map(DeployManifestsTest::map)
        .map(d -> d.get("kind") + "/" + map(d.get("metadata")).get("name")))
        .contains("Deployment/waarom-gateway", "Deployment/waarom-sink",
            "StatefulSet/waarom-analyzer", "PodDisruptionBudget/waarom-analyzer",
            "KafkaConnect/waarom-connect", "KafkaConnector/waarom-imap",
            "KafkaConnector/waarom-spool");
  }

  @Test
  void connectorConfigsUseTheDocumentedKeys() throws IOException {
    Map<String, Map<String, Boolean>> documented = connectorKeys();
    assertThat(documented).containsKeys("imap", "spool");
    List<String> errors = new ArrayList<>();
    for (Path f : yamlFiles()) {
      for (Object doc : loadAll(Files.readString(f))) {
        Map<String, Object> d = map(doc);
        if ("KafkaConnector".equals(d.get("kind"))) {
          Map<String, Object> spec = map(d.get("spec"));
          errors.addAll(checkConnector(rel(f), String.valueOf(spec.get("class")),
              stringMap(spec.get("config")), documented));
        }
        if ("KafkaConnect".equals(d.get("kind"))) {
          errors.addAll(checkWorker(rel(f), stringMap(map(d.get("spec")).get("config"))));
        }
      }
    }
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(DEPLOY.resolve("compose/connect"))) {
      for (Path f : files.sorted().toList()) {
        if (f.toString().endsWith(".json")) {
          Map<String, String> config = new LinkedHashMap<>();
          json.readTree(f.toFile()).properties().forEach(e -> config.put(e.getKey(), e.getValue().asText()));
          errors.addAll(checkConnector(rel(f), config.remove("connector.class"), config, documented));
        } else if (f.toString().endsWith(".properties")) {
          Properties p = new Properties();
          p.load(new StringReader(Files.readString(f)));
          Map<String, String> worker = new LinkedHashMap<>();
          p.stringPropertyNames().forEach(k -> worker.put(k, p.getProperty(k)));
          errors.addAll(checkWorker(rel(f), worker));
        }
      }
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void dashboardQueriesOnlyDocumentedMetrics() throws IOException {
    Map<String, String> documented = documentedMetrics(
        Files.readString(ROOT.resolve(METRICS_DOC), StandardCharsets.UTF_8));
    assertThat(documented).containsKeys("waarom_analyzer_contacts_classified_total",
        "waarom_sink_batch_duration_seconds", "kafka_consumer_fetch_manager_records_lag_max");
    List<String> exprs = expressions(dashboard());
    assertThat(checkDashboard(exprs, documented)).isEmpty();
    Set<String> used = exprs.stream().flatMap(e -> metricNames(e).stream())
        .collect(Collectors.toSet());
    // what ops asked the dashboard to show
    assertThat(used).contains("waarom_analyzer_contacts_classified_total",
        "waarom_analyzer_insights_total", "waarom_analyzer_dead_letters_total",
        "waarom_sink_dead_letters_total", "waarom_gateway_requests_rejected_total",
        "waarom_sink_batch_duration_seconds_sum", "kafka_consumer_fetch_manager_records_lag_max");
  }

  @Test
  void committedSecretsArePlaceholders() throws IOException {
    List<String> errors = new ArrayList<>();
    for (Path f : yamlFiles()) {
      for (Object doc : loadAll(Files.readString(f))) {
        errors.addAll(checkSecretValues(rel(f), map(doc)));
      }
    }
    List<Path> templates = new ArrayList<>();
    try (Stream<Path> files = Files.list(DEPLOY.resolve("compose/secrets.example"))) {
      files.forEach(templates::add);
    }
    try (Stream<Path> files = Files.walk(DEPLOY.resolve("k8s"))) {
      files.filter(f -> f.toString().endsWith(".env.example")).forEach(templates::add);
    }
    assertThat(templates).hasSizeGreaterThanOrEqualTo(6);
    for (Path f : templates.stream().sorted().toList()) {
      keyValues(Files.readString(f)).forEach((k, v) -> {
        if (!v.isEmpty() && !v.equals(PLACEHOLDER) && !JAAS_TEMPLATE.matcher(v).matches()) {
          errors.add(rel(f) + ": " + k + " holds a value; only " + PLACEHOLDER + " or empty (or a "
              + "JAAS line whose password is " + PLACEHOLDER + ")");
        }
      });
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void imageRunsTheRealMainClassesOnTheirPorts() throws Exception {
    String entrypoint = Files.readString(DEPLOY.resolve("docker/entrypoint.sh"));
    Map<String, String> mains = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^\\s*([a-z-]+)\\)\\s*main=([\\w.]+)").matcher(entrypoint);
    while (m.find()) {
      mains.put(m.group(1), m.group(2));
    }
    assertThat(mains).containsEntry("gateway", "nl.waarom.ingest.gateway.GatewayMain")
        .containsEntry("analyzer", "nl.waarom.analyzer.app.AnalyzerMain")
        .containsEntry("sink", "nl.waarom.sink.app.SinkMain");
    for (String main : mains.values()) {
      assertThat(Class.forName(main, false, getClass().getClassLoader()).getMethod("main", String[].class))
          .as(main).isNotNull();
    }
    String dockerfile = Files.readString(DEPLOY.resolve("docker/Dockerfile"));
    Matcher expose = Pattern.compile("(?m)^EXPOSE ([\\d ]+)$").matcher(dockerfile);
    assertThat(expose.find()).as("Dockerfile has EXPOSE").isTrue();
    assertThat(Set.of(expose.group(1).trim().split("\\s+"))).containsExactlyInAnyOrder(
        Stream.of(Service.values()).map(s -> String.valueOf(s.defaultPort())).toArray(String[]::new));
    assertThat(unknownVariables("deploy/docker/Dockerfile", dockerfile)).isEmpty();
  }

  // ---------------------------------------------------------------- the checks catch mistakes

  @Test
  void checksReportBrokenManifests() {
    String k8s = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cfg}
        data: {WAAROM_JDBC_URL: "jdbc:postgresql://db/w"}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: sec}
        stringData: {WAAROM_PSEUDONYM_SECRET: hunter2}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: gw}
        spec:
          template:
            metadata:
              labels: {app: gw}
              annotations: {prometheus.io/scrape: "true", prometheus.io/port: "9090", prometheus.io/path: /metrics}
            spec:
              containers:
                - name: gateway
                  args: [gateway]
                  ports: [{name: http, containerPort: 9090}]
                  envFrom: [{configMapRef: {name: cfg}}]
                  env: [{name: WAAROM_GATEWAY_PORTT, value: "1"},
                        {name: WAAROM_KAFKA_SECURITY_PROTOCL, value: SSL},
                        {name: WAAROM_KAFKA_SECURITY_PROTOCOL, value: SSL}]
                  livenessProbe: {httpGet: {path: /health, port: http}}
                  readinessProbe: {httpGet: {path: /healthy, port: 8081}}
        """;
    List<String> errors = checkKubernetes(loadAll(k8s));
    assertThat(errors).anySatisfy(e -> assertThat(e).contains("WAAROM_GATEWAY_PORTT", "not a setting"))
        .anySatisfy(e -> assertThat(e).contains("WAAROM_KAFKA_SECURITY_PROTOCL", "not a setting"))
        .noneSatisfy(e -> assertThat(e).contains("WAAROM_KAFKA_SECURITY_PROTOCOL "))
        .anySatisfy(e -> assertThat(e).contains("WAAROM_JDBC_URL", "not a setting of gateway"))
        .anySatisfy(e -> assertThat(e).contains("containerPort 9090", "8081"))
        .anySatisfy(e -> assertThat(e).contains("prometheus.io/port 9090"))
        .anySatisfy(e -> assertThat(e).contains("livenessProbe", "/health"))
        .anySatisfy(e -> assertThat(e).contains("readinessProbe", "/healthy", "/ready"))
        .anySatisfy(e -> assertThat(e).contains("readinessProbe", "port 8081", "9090"));
    String analyzer = """
        kind: Deployment
        metadata: {name: an}
        spec:
          template:
            spec:
              containers:
                - name: analyzer
                  args: [analyzer]
                  env: [{name: WAAROM_ANALYZER_STATE_DIR, value: /state}]
                  volumeMounts: [{name: state, mountPath: /state}]
        """;
    assertThat(checkKubernetes(loadAll(analyzer))).anySatisfy(e -> assertThat(e)
        .contains("WAAROM_ANALYZER_STATE_DIR=/state", "volume claim of a StatefulSet"));
    assertThat(checkSecretValues("x", map(loadAll(k8s).get(1))))
        .singleElement().asString().contains("WAAROM_PSEUDONYM_SECRET");

    String compose = """
        services:
          sink:
            command: ["sink"]
            environment: {WAAROM_SINK_PORT: "8090", WAAROM_GATEWAY_MAX_BATCH: "5"}
            env_file: [secrets/sink.env]
            ports: ["8090:8090"]
            healthcheck: {test: ["CMD", "curl", "-f", "http://localhost:8080/status"]}
          analyzer:
            command: analyzer
        """;
    List<String> composeErrors = checkCompose(map(loadAll(compose).get(0)),
        f -> "WAAROM_JDBC_PASSWORD=x\nWAAROM_NOPE=y\n");
    assertThat(composeErrors)
        .anySatisfy(e -> assertThat(e).contains("WAAROM_GATEWAY_MAX_BATCH", "not a setting of sink"))
        .anySatisfy(e -> assertThat(e).contains("WAAROM_NOPE"))
        .anySatisfy(e -> assertThat(e).contains("WAAROM_SINK_PORT", "8080"))
        .anySatisfy(e -> assertThat(e).contains("port 8090", "8080"))
        .anySatisfy(e -> assertThat(e).contains("/status"))
        .anySatisfy(e -> assertThat(e).contains("analyzer", "no healthcheck"));

    Map<String, String> documented = documentedMetrics("""
        | `waarom_x_total` | counter | | x |
        | `waarom_y_seconds` | timer | | y |
        """);
    assertThat(checkDashboard(List.of(
        "sum by (reason) (rate(waarom_x_total{reason=\"a b\"}[5m]))",
        "rate(waarom_y_seconds_sum[5m]) / rate(waarom_y_seconds_count[5m])",
        "max(waarom_y_seconds_max)"), documented)).isEmpty();
    assertThat(checkDashboard(List.of("rate(waarom_x[5m])",
        "histogram_quantile(0.99, sum by (le) (rate(waarom_y_seconds_bucket[5m])))"), documented))
        .hasSize(2).anySatisfy(e -> assertThat(e).contains("waarom_x "))
        .anySatisfy(e -> assertThat(e).contains("waarom_y_seconds_bucket"));

    Map<String, Map<String, Boolean>> keys = Map.of("spool",
        Map.of("spool.input.dir", true, "language", false));
    assertThat(checkConnector("c", "nl.waarom.ingest.connect.spool.WaaromSpoolDirSourceConnector",
        Map.of("spool.inputdir", "/x", "value.converter", "org.apache.kafka.connect.json.JsonConverter"),
        keys))
        .anySatisfy(e -> assertThat(e).contains("spool.inputdir", "not documented"))
        .anySatisfy(e -> assertThat(e).contains("spool.input.dir", "required"))
        .anySatisfy(e -> assertThat(e).contains("value.converter", "ByteArrayConverter"));
    assertThat(unknownVariables("f", "x: ${WAAROM_IMAGE}")).singleElement().asString()
        .contains("WAAROM_IMAGE");
  }

  // ---------------------------------------------------------------- checks

  /** WAAROM_* tokens in any text that are not a setting of any service. */
  static List<String> unknownVariables(String where, String text) {
    List<String> errors = new ArrayList<>();
    Matcher m = WAAROM_VAR.matcher(text);
    while (m.find()) {
      if (!allVariables.contains(m.group()) && !isClientProperty(m.group())) {
        errors.add(where + ": " + m.group() + " is not a setting of any service");
      }
    }
    return errors;
  }

  /**
   * Whether {@code name} is a Kafka client property passed through to every service's clients
   * (WAAROM_KAFKA_SECURITY_PROTOCOL → security.protocol), as the services accept it: a real,
   * not refused client property.
   */
  static boolean isClientProperty(String name) {
    if (!KafkaClientProperties.isPassThrough(name)) {
      return false;
    }
    try {
      KafkaClientProperties.load("", Map.of(name, "x"));
      return true;
    } catch (Config.ConfigException e) {
      return false;
    }
  }

  /** Compose services running the image: variables, env files, ports and healthchecks. */
  static List<String> checkCompose(Map<String, Object> compose, EnvFiles envFiles) {
    List<String> errors = new ArrayList<>();
    map(compose.get("services")).forEach((name, value) -> {
      Map<String, Object> svc = map(value);
      Service service = Service.byCommand(svc.get("command"));
      if (service == null) {
        return;
      }
      String where = "compose service " + name + " (" + service.command + ")";
      Map<String, String> env = new LinkedHashMap<>(environment(svc.get("environment")));
      for (String file : envFileNames(svc.get("env_file"))) {
        try {
          String text = envFiles.read(file);
          if (text == null) {
            errors.add(where + ": env_file " + file + " has no committed template");
          } else {
            env.putAll(keyValues(text));
          }
        } catch (IOException e) {
          errors.add(where + ": env_file " + file + ": " + e.getMessage());
        }
      }
      errors.addAll(checkVariables(where, service, env));
      List<Integer> ports = new ArrayList<>();
      for (Object p : list(svc.get("ports"))) {
        String spec = String.valueOf(p).replaceFirst("/tcp$", "");
        ports.add(Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1)));
      }
      list(svc.get("expose")).forEach(p -> ports.add(Integer.parseInt(String.valueOf(p))));
      for (int port : ports) {
        if (port != service.defaultPort()) {
          errors.add(where + ": container port " + port + " is not " + service.port.env()
              + "'s default " + service.defaultPort());
        }
      }
      Object test = map(svc.get("healthcheck")).get("test");
      if (test == null) {
        errors.add(where + ": no healthcheck");
      } else {
        String command = test instanceof List<?> l
            ? l.stream().map(String::valueOf).collect(Collectors.joining(" ")) : String.valueOf(test);
        Matcher url = Pattern.compile("https?://[^/:\\s]+:(\\d+)(/[^\\s\"']*)").matcher(command);
        if (!url.find()) {
          errors.add(where + ": healthcheck does not GET a URL: " + command);
        } else {
          errors.addAll(checkProbe(where + " healthcheck", url.group(2), Set.of("/ready"),
              Integer.parseInt(url.group(1)), service));
        }
      }
    });
    return errors;
  }

  /** Kubernetes workloads running the image, and the ConfigMaps/Secrets they load. */
  static List<String> checkKubernetes(List<Object> docs) {
    List<String> errors = new ArrayList<>();
    Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
    Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
    List<Map<String, Object>> workloads = new ArrayList<>();
    List<Map<String, Object>> services = new ArrayList<>();
    for (Object doc : docs) {
      Map<String, Object> d = map(doc);
      String kind = String.valueOf(d.get("kind"));
      String name = String.valueOf(map(d.get("metadata")).get("name"));
      switch (kind) {
        case "ConfigMap" -> configMaps.put(name, stringMap(d.get("data")));
        case "Secret" -> {
          Map<String, String> keys = new LinkedHashMap<>(stringMap(d.get("data")));
          keys.putAll(stringMap(d.get("stringData")));
          secrets.put(name, keys);
        }
        case "Deployment", "StatefulSet", "DaemonSet", "Job" -> workloads.add(d);
        case "Service" -> services.add(d);
        default -> { }
      }
    }
    Map<Service, Map<String, Object>> templates = new LinkedHashMap<>();
    for (Map<String, Object> w : workloads) {
      Map<String, Object> template = map(map(w.get("spec")).get("template"));
      Map<String, Object> podMeta = map(template.get("metadata"));
      for (Object c : list(map(template.get("spec")).get("containers"))) {
        Map<String, Object> container = map(c);
        Service service = Service.byCommand(container.get("args"));
        if (service == null) {
          service = Service.byCommand(container.get("command"));
        }
        if (service == null) {
          continue;
        }
        templates.put(service, template);
        String where = w.get("kind") + " " + map(w.get("metadata")).get("name") + " container "
            + container.get("name") + " (" + service.command + ")";
        Map<String, String> env = new LinkedHashMap<>();
        for (Object from : list(container.get("envFrom"))) {
          Map<String, Object> f = map(from);
          String cm = (String) map(f.get("configMapRef")).get("name");
          String sec = (String) map(f.get("secretRef")).get("name");
          if (cm != null) {
            if (!configMaps.containsKey(cm)) {
              errors.add(where + ": ConfigMap " + cm + " is not in the manifests");
            }
            env.putAll(configMaps.getOrDefault(cm, Map.of()));
          }
          if (sec != null) {
            if (!secrets.containsKey(sec)) {
              errors.add(where + ": Secret " + sec + " is not in the manifests");
            }
            env.putAll(secrets.getOrDefault(sec, Map.of()));
          }
        }
        for (Object e : list(container.get("env"))) {
          Map<String, Object> var = map(e);
          env.put(String.valueOf(var.get("name")), String.valueOf(var.getOrDefault("value", "")));
        }
        errors.addAll(checkVariables(where, service, env));
        if (service == Service.ANALYZER) {
          errors.addAll(checkStateVolume(where, w, container, env));
        }

        Map<String, Integer> portsByName = new LinkedHashMap<>();
        for (Object p : list(container.get("ports"))) {
          Map<String, Object> port = map(p);
          int number = ((Number) port.get("containerPort")).intValue();
          portsByName.put(String.valueOf(port.get("name")), number);
          if (number != service.defaultPort()) {
            errors.add(where + ": containerPort " + number + " is not " + service.port.env()
                + "'s default " + service.defaultPort());
          }
        }
        if (portsByName.isEmpty()) {
          errors.add(where + ": declares no containerPort");
        }
        int containerPort = portsByName.values().stream().findFirst().orElse(service.defaultPort());
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
          Map<String, Object> http = map(map(container.get(probe)).get("httpGet"));
          if (http.isEmpty()) {
            if (!probe.equals("startupProbe")) {
              errors.add(where + ": no " + probe + " with httpGet");
            }
            continue;
          }
          Object port = http.get("port");
          Integer number = port instanceof Number n ? Integer.valueOf(n.intValue())
              : portsByName.get(String.valueOf(port));
          if (number == null) {
            errors.add(where + " " + probe + ": port " + port + " is no port of the container");
            continue;
          }
          Set<String> allowed = probe.equals("readinessProbe") ? Set.of("/ready") : Set.of("/healthy");
          errors.addAll(checkProbe(where + " " + probe, String.valueOf(http.get("path")), allowed,
              number, service));
          if (number != containerPort) {
            errors.add(where + " " + probe + ": port " + number + " is not the containerPort "
                + containerPort);
          }
        }
        Map<String, String> annotations = stringMap(podMeta.get("annotations"));
        if (!"true".equals(annotations.get("prometheus.io/scrape"))) {
          errors.add(where + ": pod template lacks prometheus.io/scrape: \"true\"");
        }
        if (!String.valueOf(service.defaultPort()).equals(annotations.get("prometheus.io/port"))) {
          errors.add(where + ": prometheus.io/port " + annotations.get("prometheus.io/port")
              + " is not " + service.port.env() + "'s default " + service.defaultPort());
        }
        if (!"/metrics".equals(annotations.get("prometheus.io/path"))) {
          errors.add(where + ": prometheus.io/path is not /metrics");
        }
        if (map(map(container.get("resources")).get("requests")).isEmpty()) {
          errors.add(where + ": no resource requests");
        }
      }
    }
    for (Map<String, Object> s : services) {
      Map<String, String> selector = stringMap(map(s.get("spec")).get("selector"));
      templates.forEach((service, template) -> {
        Map<String, String> labels = stringMap(map(template.get("metadata")).get("labels"));
        if (selector.isEmpty() || !labels.entrySet().containsAll(selector.entrySet())) {
          return;
        }
        for (Object p : list(map(s.get("spec")).get("ports"))) {
          Map<String, Object> port = map(p);
          Object target = port.getOrDefault("targetPort", port.get("port"));
          boolean ok = target instanceof Number n ? n.intValue() == service.defaultPort()
              : list(map(list(map(template.get("spec")).get("containers")).stream()
                  .filter(c -> Service.byCommand(map(c).get("args")) == service).findFirst()
                  .orElse(Map.of())).get("ports")).stream()
                  .anyMatch(cp -> target.equals(map(cp).get("name")));
          if (!ok) {
            errors.add("Service " + map(s.get("metadata")).get("name") + ": targetPort " + target
                + " is not the " + service.command + " container's port");
          }
        }
      });
    }
    return errors;
  }

  /** The analyzer's WAAROM_ANALYZER_STATE_DIR is a mount of a StatefulSet volume claim. */
  static List<String> checkStateVolume(String where, Map<String, Object> workload,
      Map<String, Object> container, Map<String, String> env) {
    String dir = env.get(AnalyzerSettings.STATE_DIR.env());
    if (dir == null) {
      return List.of(where + ": " + AnalyzerSettings.STATE_DIR.env() + " is not set");
    }
    Set<String> claims = list(map(workload.get("spec")).get("volumeClaimTemplates")).stream()
        .map(t -> String.valueOf(map(map(t).get("metadata")).get("name")))
        .collect(Collectors.toSet());
    boolean onClaim = "StatefulSet".equals(workload.get("kind"))
        && list(container.get("volumeMounts")).stream().map(DeployManifestsTest::map)
            .anyMatch(m -> dir.equals(m.get("mountPath")) && claims.contains(m.get("name")));
    return onClaim ? List.of() : List.of(where + ": " + AnalyzerSettings.STATE_DIR.env() + "="
        + dir + " is not a mounted volume claim of a StatefulSet");
  }

  /** Every WAAROM_* key must be a setting of the service; a port setting must be its default. */
  static List<String> checkVariables(String where, Service service, Map<String, String> env) {
    List<String> errors = new ArrayList<>();
    env.forEach((name, value) -> {
      if (!name.startsWith("WAAROM_")) {
        return;
      }
      if (isClientProperty(name)) {
        return; // every service takes the Kafka client properties
      }
      if (!allVariables.contains(name)) {
        errors.add(where + ": " + name + " is not a setting of any service");
      } else if (!service.variables.contains(name)) {
        errors.add(where + ": " + name + " is not a setting of " + service.command);
      }
      if (name.equals(service.port.env()) && !value.equals(service.port.defaultValue())) {
        errors.add(where + ": " + name + "=" + value + " but the manifests expose its default "
            + service.port.defaultValue());
      }
    });
    return errors;
  }

  static List<String> checkProbe(String where, String path, Set<String> allowed, int port,
      Service service) {
    List<String> errors = new ArrayList<>();
    if (!PROBE_PATHS.contains(path)) {
      errors.add(where + ": path " + path + " is neither /healthy nor /ready");
    } else if (!allowed.contains(path)) {
      errors.add(where + ": path " + path + " should be " + String.join(" or ", allowed));
    }
    if (port != service.defaultPort()) {
      errors.add(where + ": port " + port + " is not " + service.port.env() + "'s default "
          + service.defaultPort());
    }
    return errors;
  }

  /** Every metric an expression reads is documented (counters as _total, timers' series). */
  static List<String> checkDashboard(List<String> exprs, Map<String, String> documented) {
    Set<String> allowed = new TreeSet<>();
    documented.forEach((name, type) -> {
      if (type.equals("timer")) {
        Stream.of("_count", "_sum", "_max").forEach(suffix -> allowed.add(name + suffix));
      } else {
        allowed.add(name);
      }
    });
    List<String> errors = new ArrayList<>();
    for (String expr : exprs) {
      for (String metric : metricNames(expr)) {
        if (!allowed.contains(metric)) {
          errors.add(metric + " (in " + expr + ") is not a metric documented in " + METRICS_DOC);
        }
      }
    }
    return errors;
  }

  private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring",
      "group_left", "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");

  /** The metric names a PromQL expression selects (not functions, labels or keywords). */
  static Set<String> metricNames(String expr) {
    String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
        .replaceAll("\\{[^}]*\\}", " ")
        .replaceAll("\\[[^\\]]*\\]", " ")
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> names = new LinkedHashSet<>();
    Matcher m = Pattern.compile("(?<![\\w$.])[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(s);
    while (m.find()) {
      String rest = s.substring(m.end()).stripLeading();
      if (!rest.startsWith("(") && !PROMQL_WORDS.contains(m.group().toLowerCase())) {
        names.add(m.group());
      }
    }
    return names;
  }

  /** Connector config keys: documented for its class, required ones present, Waarom's converters. */
  static List<String> checkConnector(String where, String connectorClass,
      Map<String, String> config, Map<String, Map<String, Boolean>> documented) {
    List<String> errors = new ArrayList<>();
    String kind = connectorClass == null ? "?" : connectorClass.contains(".imap.") ? "imap"
        : connectorClass.contains(".spool.") ? "spool" : "?";
    Map<String, Boolean> keys = documented.get(kind);
    if (keys == null) {
      errors.add(where + ": connector class " + connectorClass + " is not documented in CONNECTORS.md");
      return errors;
    }
    Set<String> framework = Set.of("name", "tasks.max", "key.converter", "value.converter",
        "header.converter", "exactly.once.support", "transaction.boundary");
    config.keySet().stream().filter(k -> !framework.contains(k) && !keys.containsKey(k))
        .forEach(k -> errors.add(where + ": " + k + " is not documented for the " + kind
            + " connector in ingest/CONNECTORS.md"));
    keys.forEach((k, required) -> {
      if (required && !config.containsKey(k)) {
        errors.add(where + ": " + k + " is required by the " + kind + " connector");
      }
    });
    errors.addAll(checkConverters(where, config, false));
    return errors;
  }

  static List<String> checkWorker(String where, Map<String, String> config) {
    return checkConverters(where, config, true);
  }

  private static List<String> checkConverters(String where, Map<String, String> config,
      boolean required) {
    List<String> errors = new ArrayList<>();
    Map<String, String> expected = Map.of(
        "key.converter", "org.apache.kafka.connect.storage.StringConverter",
        "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    expected.forEach((k, v) -> {
      String actual = config.get(k);
      if ((actual != null || required) && !v.equals(actual)) {
        errors.add(where + ": " + k + " must be " + v + " (ingest/CONNECTORS.md), not " + actual);
      }
    });
    return errors;
  }

  static List<String> checkSecretValues(String where, Map<String, Object> doc) {
    List<String> errors = new ArrayList<>();
    if ("Secret".equals(doc.get("kind"))) {
      Map<String, String> values = new LinkedHashMap<>(stringMap(doc.get("stringData")));
      values.putAll(stringMap(doc.get("data")));
      values.forEach((k, v) -> {
        if (!v.isEmpty() && !v.equals(PLACEHOLDER)) {
          errors.add(where + ": Secret " + map(doc.get("metadata")).get("name") + " key " + k
              + " holds a value; commit only " + PLACEHOLDER + " or empty");
        }
      });
    }
    return errors;
  }

  // ---------------------------------------------------------------- documentation sources

  /** Metric table rows of {@link #METRICS_DOC}: name → type (counter, timer, gauge). */
  static Map<String, String> documentedMetrics(String doc) {
    Map<String, String> metrics = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^\\| `([a-z_][a-z0-9_]*)` \\| (counter|timer|gauge) \\|")
        .matcher(doc);
    while (m.find()) {
      metrics.put(m.group(1), m.group(2));
    }
    return metrics;
  }

  /** The generated key tables of ingest/CONNECTORS.md: connector → key → required. */
  static Map<String, Map<String, Boolean>> connectorKeys() throws IOException {
    String doc = Files.readString(ROOT.resolve("ingest/CONNECTORS.md"), StandardCharsets.UTF_8);
    Map<String, Map<String, Boolean>> result = new LinkedHashMap<>();
    Matcher section = Pattern.compile(
        "(?s)<!-- BEGIN GENERATED CONFIG: (\\w+) -->(.*?)<!-- END GENERATED CONFIG: \\1 -->")
        .matcher(doc);
    while (section.find()) {
      Map<String, Boolean> keys = new LinkedHashMap<>();
      Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\| [^|]* \\| ([^|]*) \\|")
          .matcher(section.group(2));
      while (row.find()) {
        keys.put(row.group(1), row.group(2).contains("**required**"));
      }
      result.put(section.group(1), keys);
    }
    return result;
  }

  // ---------------------------------------------------------------- parsing helpers

  /** Reads a compose env_file's text (null when there is none to check). */
  @FunctionalInterface
  interface EnvFiles {
    String read(String file) throws IOException;
  }

  private static List<Path> yamlFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("compose", "k8s")) {
      try (Stream<Path> walk = Files.walk(DEPLOY.resolve(dir))) {
        walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
            .sorted().forEach(files::add);
      }
    }
    return files;
  }

  private static JsonNode dashboard() throws IOException {
    return new ObjectMapper().readTree(DEPLOY.resolve("grafana/waarom.json").toFile());
  }

  /** Every "expr" anywhere in the dashboard (panels, rows, template variables). */
  private static List<String> expressions(JsonNode node) {
    List<String> exprs = new ArrayList<>();
    if (node.isObject()) {
      node.properties().forEach(e -> {
        if (e.getKey().equals("expr") && e.getValue().isTextual()) {
          exprs.add(e.getValue().asText());
        } else {
          exprs.addAll(expressions(e.getValue()));
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> exprs.addAll(expressions(n)));
    }
    return exprs;
  }

  static List<Object> loadAll(String text) {
    List<Object> docs = new ArrayList<>();
    new Yaml().loadAll(text).forEach(d -> {
      if (d != null) {
        docs.add(d);
      }
    });
    return docs;
  }

  /** KEY=VALUE lines of an env or properties file (comments and blanks skipped). */
  static Map<String, String> keyValues(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      int eq = l.indexOf('=');
      if (!l.isEmpty() && !l.startsWith("#") && eq > 0) {
        values.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
      }
    }
    return values;
  }

  private static Map<String, String> environment(Object env) {
    Map<String, String> result = new LinkedHashMap<>();
    if (env instanceof Map<?, ?> m) {
      m.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    } else {
      list(env).forEach(e -> {
        String s = String.valueOf(e);
        int eq = s.indexOf('=');
        result.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
      });
    }
    return result;
  }

  private static List<String> envFileNames(Object envFile) {
    if (envFile == null) {
      return List.of();
    }
    if (envFile instanceof String s) {
      return List.of(s);
    }
    return list(envFile).stream()
        .map(e -> e instanceof Map<?, ?> m ? String.valueOf(m.get("path")) : String.valueOf(e))
        .toList();
  }

  private static String firstWord(Object command) {
    if (command instanceof List<?> l) {
      return l.isEmpty() ? null : String.valueOf(l.get(0));
    }
    return command == null ? null : String.valueOf(command).strip().split("\\s+")[0];
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<Object> list(Object o) {
    return o instanceof List<?> l ? new ArrayList<>(l) : List.of();
  }

  private static Map<String, String> stringMap(Object o) {
    Map<String, String> result = new LinkedHashMap<>();
    map(o).forEach((k, v) -> result.put(k, v == null ? "" : String.valueOf(v)));
    return result;
  }

  private static String rel(Path p) {
    return ROOT.relativize(p).toString().replace('\\', '/');
  }
}
