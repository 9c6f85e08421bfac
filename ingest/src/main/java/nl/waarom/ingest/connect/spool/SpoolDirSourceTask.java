package nl.waarom.ingest.connect.spool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import nl.waarom.ingest.connect.CommonConfig;
import nl.waarom.ingest.connect.ConnectorVersion;
import nl.waarom.ingest.connect.Records;
import nl.waarom.ingest.contact.ContactJson;
import nl.waarom.ingest.contact.Validated;
import nl.waarom.ingest.privacy.Redactor;
import nl.waarom.schemas.Contact;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the files dropped in the spool directory, one at a time in modification-time order, and
 * emits their contacts: one per {@code .vtt} or {@code .json} transcript, one per line of a
 * {@code .jsonl} chat export (streamed). Bad input becomes DeadLetters: a bad transcript or an
 * unsupported file as a whole (request = file name, value = its bytes), a bad JSONL line by itself
 * (request = {@code file:line}, value = the line) while the good lines go on.
 *
 * <p><b>Position.</b> Source partition {@code {file}}; offset {@code {size, mtime, index, eof,
 * outcome, reason}} where index is the record (transcript) or line number (JSONL) of the record
 * and eof marks the last one. After a restart a file with the same size and mtime resumes after
 * the committed index, so nothing is lost or repeated; a file whose last record was committed is
 * only moved.
 *
 * <p><b>Moving files.</b> A file moves to the done directory (or, with {@code <file>.error.txt},
 * to the error directory) only when the worker has acknowledged every record of it
 * ({@link #commitRecord}), so a crash never loses a file's records.
 *
 * <p><b>Threads.</b> {@link #poll} runs on the task thread and owns the open file;
 * {@link #commitRecord} runs on the producer's callback thread and only counts acknowledgements;
 * {@link #stop} only wakes the poll wait.
 */
public final class SpoolDirSourceTask extends SourceTask {
  static final String SOURCE = "spool-connector";
  static final String FILE = "file";
  static final String SIZE = "size";
  static final String MTIME = "mtime";
  static final String INDEX = "index";
  static final String EOF = "eof";
  static final String OUTCOME = "outcome";
  static final String REASON = "reason";
  private static final String DONE = "done";
  private static final String ERROR = "error";
  private static final Logger LOG = LoggerFactory.getLogger(SpoolDirSourceTask.class);

  private SpoolDirSourceConfig config;
  private Records records;
  private ContactJson contactJson;
  private VttParser vtt;
  private JsonTranscriptParser jsonTranscript;
  private TranscriptToContact transcripts;
  private String languageHint;
  private final Object wake = new Object();
  private volatile boolean stopping;
  private JsonlReading current;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  /** A file whose records are (being) emitted: how many await acknowledgement, where it goes. */
  private static final class Pending {
    final Path path;
    final AtomicInteger outstanding = new AtomicInteger();
    volatile boolean readAll;
    volatile boolean bad;
    volatile String reason;

    Pending(Path path) {
      this.path = path;
    }
  }

  @Override
  public String version() {
    return ConnectorVersion.get();
  }

  @Override
  public void start(Map<String, String> props) {
    config = new SpoolDirSourceConfig(props);
    records = new Records(CommonConfig.topics(config), SOURCE);
    Redactor redactor = new Redactor();
    contactJson = new ContactJson(CommonConfig.pseudonymizer(config), redactor);
    vtt = new VttParser(config.labels());
    jsonTranscript = new JsonTranscriptParser(config.labels());
    languageHint = CommonConfig.language(config);
    transcripts = new TranscriptToContact(CommonConfig.pseudonymizer(config), redactor,
        languageHint, config.transcriptChannel());
    try {
      Files.createDirectories(config.doneDir());
      Files.createDirectories(config.errorDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the done or error directory", e);
    }
    LOG.info("spool task reads {} (done: {}, errors: {})", config.inputDir(), config.doneDir(),
        config.errorDir());
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    finishAcknowledged();
    List<SourceRecord> out = new ArrayList<>();
    try {
      while (out.size() < config.batchSize() && !stopping) {
        if (current == null && !openNext(out)) {
          break;
        }
        if (current != null) {
          current.read(out, config.batchSize() - out.size());
          if (current.finished()) {
            pending.get(current.name).readAll = true;
            current.close();
            current = null;
          }
        }
      }
    } catch (IOException e) {
      LOG.warn("spool directory {} not readable, retrying: {}", config.inputDir(), e.toString());
    }
    if (out.isEmpty()) {
      pause();
      finishAcknowledged();
      return null;
    }
    return out;
  }

  @Override
  public void commitRecord(SourceRecord record, RecordMetadata metadata) {
    Pending p = pending.get((String) record.sourcePartition().get(FILE));
    if (p != null) {
      p.outstanding.decrementAndGet();
    }
  }

  /**
   * Opens the oldest settled file, emitting its record right away when it is a transcript or an
   * unsupported file. False when there is nothing to read.
   */
  private boolean openNext(List<SourceRecord> out) throws IOException {
    long now = System.currentTimeMillis();
    List<Path> candidates;
    try (Stream<Path> files = Files.list(config.inputDir())) {
      candidates = files.filter(f -> eligible(f, now))
          .sorted(Comparator.comparing(SpoolDirSourceTask::mtime).thenComparing(Path::toString))
          .toList();
    }
    for (Path file : candidates) {
      String name = file.getFileName().toString();
      try {
        if (open(file, name, out)) {
          return true;
        }
      } catch (IOException e) {
        // gone or unreadable between listing and reading: forget it, look again next poll
        LOG.warn("cannot read spool file {}: {}", name, e.toString());
        pending.remove(name);
        if (current != null && current.name.equals(name)) {
          current.close();
          current = null;
        }
      }
    }
    return false;
  }

  /** Starts on one file; false when it needs no reading (all its records were committed). */
  private boolean open(Path file, String name, List<SourceRecord> out) throws IOException {
    long size = Files.size(file);
    long mtime = mtime(file);
    Pending p = new Pending(file);
    pending.put(name, p);
    Map<String, Object> stored = context.offsetStorageReader().offset(Map.of(FILE, name));
    long skipThrough = 0;
    if (stored != null && stored.get(SIZE) instanceof Number s && s.longValue() == size
        && stored.get(MTIME) instanceof Number m && m.longValue() == mtime) {
      if (Boolean.TRUE.equals(stored.get(EOF))) {
        p.bad = ERROR.equals(stored.get(OUTCOME));
        p.reason = (String) stored.get(REASON);
        p.readAll = true; // every record was committed before the restart: only move it
        return false;
      }
      skipThrough = stored.get(INDEX) instanceof Number i ? i.longValue() : 0;
    }
    String ext = extension(name);
    switch (ext) {
      case "jsonl" -> {
        current = new JsonlReading(file, name, size, mtime, skipThrough);
        return true;
      }
      case "vtt", "json" -> {
        out.add(transcript(file, name, size, mtime, ext));
        p.readAll = true;
        return true;
      }
      default -> {
        out.add(badFile(p, name, size, mtime, "unsupported file type: expected .vtt, .json "
            + "or .jsonl", read(file)));
        p.readAll = true;
        return true;
      }
    }
  }

  private boolean eligible(Path f, long now) {
    String name = f.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    return Files.isRegularFile(f) && !name.startsWith(".") && !lower.endsWith(".tmp")
        && !lower.endsWith(".part") && !pending.containsKey(name)
        && now - mtime(f) >= config.settleMs();
  }

  private SourceRecord transcript(Path file, String name, long size, long mtime, String ext)
      throws IOException {
    if (size > config.maxFileBytes()) {
      return badFile(pending.get(name), name, size, mtime, "file is larger than "
          + SpoolDirSourceConfig.MAX_FILE_BYTES + " (" + config.maxFileBytes() + " bytes)", null);
    }
    byte[] bytes = Files.readAllBytes(file);
    try {
      Transcript t = ext.equals("vtt") ? vtt.parse(new String(bytes, StandardCharsets.UTF_8))
          : jsonTranscript.parse(bytes);
      Contact c = transcripts.convert(t, name, Instant.ofEpochMilli(mtime));
      return emit(records.contact(Map.of(FILE, name), offset(size, mtime, 1, true, DONE, null),
          records.topics().contactsFor(c.getChannel()).name(), c), name);
    } catch (BadInputException e) {
      return badFile(pending.get(name), name, size, mtime, e.getMessage(), bytes);
    }
  }

  private SourceRecord badFile(Pending p, String name, long size, long mtime, String reason,
      byte[] bytes) {
    LOG.warn("spool file {} is bad, it goes to {}: {}", name, config.errorDir(), reason);
    p.bad = true;
    p.reason = reason;
    return emit(records.deadLetter(Map.of(FILE, name), offset(size, mtime, 1, true, ERROR, reason),
        name, bytes, reason, null), name);
  }

  private SourceRecord emit(SourceRecord r, String name) {
    pending.get(name).outstanding.incrementAndGet();
    return r;
  }

  private static Map<String, Object> offset(long size, long mtime, long index, boolean eof,
      String outcome, String reason) {
    Map<String, Object> o = new HashMap<>();
    o.put(SIZE, size);
    o.put(MTIME, mtime);
    o.put(INDEX, index);
    o.put(EOF, eof);
    o.put(OUTCOME, outcome);
    if (reason != null) {
      o.put(REASON, reason);
    }
    return o;
  }

  /** Moves every file whose records were all acknowledged to the done or error directory. */
  private void finishAcknowledged() {
    for (Map.Entry<String, Pending> e : pending.entrySet()) {
      Pending p = e.getValue();
      if (p.readAll && p.outstanding.get() <= 0) {
        try {
          move(p, e.getKey());
          pending.remove(e.getKey());
        } catch (IOException ex) {
          LOG.error("cannot move {} out of the spool directory; retrying: {}", p.path, ex.toString());
        }
      }
    }
  }

  private void move(Pending p, String name) throws IOException {
    Path dir = p.bad ? config.errorDir() : config.doneDir();
    Path target = dir.resolve(name);
    if (Files.exists(target)) {
      target = dir.resolve(name + "." + System.currentTimeMillis());
    }
    if (p.bad) {
      Files.writeString(dir.resolve(target.getFileName() + ".error.txt"),
          (p.reason == null ? "rejected" : p.reason) + "\n", StandardCharsets.UTF_8);
    }
    if (Files.exists(p.path)) {
      Files.move(p.path, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return null;
    }
  }

  private static long mtime(Path f) {
    try {
      return Files.getLastModifiedTime(f).toMillis();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private void pause() throws InterruptedException {
    synchronized (wake) {
      if (!stopping) {
        wake.wait(config.pollIntervalMs());
      }
    }
  }

  @Override
  public void stop() {
    stopping = true;
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  /** A JSONL file being streamed: one contact (or dead letter) per non-blank line. */
  private final class JsonlReading {
    final String name;
    final long size;
    final long mtime;
    final long skipThrough;
    final BufferedReader reader;
    long lineNo;
    String nextLine;
    long nextLineNo;
    boolean emptyFile;

    JsonlReading(Path file, String name, long size, long mtime, long skipThrough)
        throws IOException {
      this.name = name;
      this.size = size;
      this.mtime = mtime;
      this.skipThrough = skipThrough;
      this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
      advance();
      emptyFile = nextLine == null && skipThrough == 0;
    }

    private void advance() throws IOException {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (!line.isBlank()) {
          nextLine = line;
          nextLineNo = lineNo;
          return;
        }
      }
      nextLine = null;
    }

    void read(List<SourceRecord> out, int max) throws IOException {
      if (emptyFile) {
        out.add(badFile(pending.get(name), name, size, mtime, "file holds no lines", new byte[0]));
        emptyFile = false;
        return;
      }
      int added = 0;
      while (nextLine != null && added < max) {
        String line = nextLine;
        long no = nextLineNo;
        advance();
        if (no <= skipThrough) {
          continue;
        }
        out.add(emit(line(line, no, nextLine == null), name));
        added++;
      }
    }

    private SourceRecord line(String line, long no, boolean last) {
      Map<String, Object> offset = offset(size, mtime, no, last, DONE, null);
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      Validated<Contact> v = contactJson.readLine(bytes);
      if (v.isValid()) {
        Contact c = v.value();
        if (c.getLanguage() == null && languageHint != null) {
          c.setLanguage(languageHint);
        }
        return records.contact(Map.of(FILE, name), offset,
            records.topics().contactsFor(c.getChannel()).name(), c);
      }
      String reason = "line " + no + ": " + v.describeErrors();
      LOG.warn("{} {} dead-lettered: {}", name, "line " + no, v.describeErrors());
      return records.deadLetter(Map.of(FILE, name), offset, name + ":" + no, bytes, reason, null);
    }

    boolean finished() {
      return nextLine == null && !emptyFile;
    }

    void close() {
      try {
        reader.close();
      } catch (IOException e) {
        LOG.debug("closing {} failed", name, e);
      }
    }
  }
}
