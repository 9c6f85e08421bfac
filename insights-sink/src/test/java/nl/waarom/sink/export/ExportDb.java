package nl.waarom.sink.export;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.waarom.platform.Config;
import nl.waarom.schemas.Insight;
import nl.waarom.sink.app.SinkSettings;
import nl.waarom.sink.consume.SinkRepository;
import nl.waarom.sink.db.Database;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.TrackerLink;
import nl.waarom.sink.db.TrackerLinks;

/** A real embedded PostgreSQL with the sink's migrations, and helpers for the export ITs. */
final class ExportDb implements AutoCloseable {
  final Database database;
  private final SinkRepository repository;

  ExportDb(Path dir) {
    database = Database.open(new Database.Options("", "", "", dir.resolve("postgres"), 0, 4));
    repository = new SinkRepository(database.dataSource());
  }

  void reset() throws SQLException {
    // CASCADE: later migrations add tables that reference backlog_items (history, insight links).
    execute("TRUNCATE tracker_links, backlog_items, insights, reason_trends, explained_share CASCADE");
  }

  /** Stores insights the way the consumer does, which also folds them into backlog items. */
  void store(Insight... insights) throws SQLException {
    repository.write(java.util.Arrays.stream(insights).map(InsightRow::from).toList(), List.of());
  }

  /** An exporter as SinkApp builds it, from environment variables. */
  Exporter exporter(Map<String, String> env, SimpleMeterRegistry registry) {
    ExportConfig config = ExportConfig.from(Config.load(SinkSettings.all(), env));
    return Exporter.create(config, database.dataSource(), registry, Clock.systemUTC(),
        nl.waarom.sink.backlog.Ranking.defaults()).orElseThrow();
  }

  List<TrackerLink> links() throws SQLException {
    return new TrackerLinks(database.dataSource()).all();
  }

  void execute(String sql) throws SQLException {
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  List<String> query(String sql) throws SQLException {
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
      return rows;
    }
  }

  @Override
  public void close() {
    database.close();
  }
}
