package nl.waarom.ingest.connect.spool;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import nl.waarom.ingest.connect.CommonConfig;
import nl.waarom.ingest.connect.CommonListValidator;
import nl.waarom.ingest.connect.Described;
import nl.waarom.schemas.Channel;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration of {@link WaaromSpoolDirSourceConnector}: the typed, defaulted, documented
 * catalogue of its keys ({@link #CONFIG_DEF}) and typed accessors. Immutable once built.
 */
public final class SpoolDirSourceConfig extends AbstractConfig {
  public static final String INPUT_DIR = "spool.input.dir";
  public static final String DONE_DIR = "spool.done.dir";
  public static final String ERROR_DIR = "spool.error.dir";
  public static final String SETTLE_MS = "spool.settle.ms";
  public static final String POLL_INTERVAL_MS = "spool.poll.interval.ms";
  public static final String BATCH_SIZE = "spool.batch.size";
  public static final String MAX_FILE_BYTES = "spool.max.file.bytes";
  public static final String LABELS_AGENT = "spool.labels.agent";
  public static final String LABELS_CUSTOMER = "spool.labels.customer";
  public static final String LABELS_BOT = "spool.labels.bot";
  public static final String TRANSCRIPT_CHANNEL = "spool.transcript.channel";

  private static final String GROUP = "Spool directory";
  private static final ConfigDef.Validator DIRECTORY = new Described("a directory path",
      (name, value) -> {
        if (value == null || ((String) value).isBlank()) {
          throw new ConfigException(name, value, "must be a directory path");
        }
      });
  public static final ConfigDef CONFIG_DEF = define();

  public SpoolDirSourceConfig(Map<?, ?> props) {
    super(CONFIG_DEF, props);
    Path in = inputDir().toAbsolutePath().normalize();
    if (in.equals(doneDir().toAbsolutePath().normalize())
        || in.equals(errorDir().toAbsolutePath().normalize())) {
      throw new ConfigException(INPUT_DIR, getString(INPUT_DIR),
          "must differ from spool.done.dir and spool.error.dir");
    }
  }

  private static ConfigDef define() {
    int o = 0;
    return CommonConfig.define()
        .define(INPUT_DIR, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, DIRECTORY, Importance.HIGH,
            "Directory watched for transcripts and chat exports: *.vtt (WebVTT), *.json (JSON "
                + "transcript), *.jsonl (one contact per line in the gateway's contact JSON). "
                + "Files whose name ends in .tmp or .part or starts with '.' are ignored.",
            GROUP, ++o, Width.LONG, "Input directory")
        .define(DONE_DIR, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, DIRECTORY, Importance.HIGH,
            "Directory processed files are moved to once all their records are written to "
                + "Kafka (created when missing).", GROUP, ++o, Width.LONG, "Done directory")
        .define(ERROR_DIR, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, DIRECTORY, Importance.HIGH,
            "Directory bad files are moved to, each with <file>.error.txt stating the reason "
                + "(created when missing).", GROUP, ++o, Width.LONG, "Error directory")
        .define(SETTLE_MS, Type.LONG, 5_000L, Range.atLeast(0), Importance.MEDIUM,
            "A file is picked up only when unchanged (size and modification time) for this many "
                + "milliseconds, so a file still being copied is not read half.", GROUP, ++o,
            Width.SHORT, "Settle time")
        .define(POLL_INTERVAL_MS, Type.LONG, 1_000L, Range.atLeast(50), Importance.LOW,
            "How long the task waits before looking at the directory again when it found "
                + "nothing to do, in milliseconds.", GROUP, ++o, Width.SHORT, "Poll interval")
        .define(BATCH_SIZE, Type.INT, 500, Range.between(1, 100_000), Importance.LOW,
            "Most records one poll returns to the worker.", GROUP, ++o, Width.SHORT,
            "Batch size")
        .define(MAX_FILE_BYTES, Type.LONG, 10_000_000L, Range.atLeast(1), Importance.LOW,
            "Largest .vtt or .json transcript read (it is read whole); larger ones go to the "
                + "error directory. JSONL files are streamed and have no limit.", GROUP, ++o,
            Width.SHORT, "Largest transcript")
        .define(LABELS_AGENT, Type.LIST, "agent,medewerker,employee,operator,advisor,adviseur",
            CommonListValidator.NON_EMPTY, Importance.MEDIUM,
            "Speaker labels (case-insensitive; a label also matches when followed by a space and "
                + "a name, e.g. 'Agent Petra') that mean the agent in .vtt and .json files.",
            GROUP, ++o, Width.LONG, "Agent labels")
        .define(LABELS_CUSTOMER, Type.LIST, "customer,klant,caller,beller,client",
            CommonListValidator.NON_EMPTY, Importance.MEDIUM,
            "Speaker labels that mean the customer in .vtt and .json files.", GROUP, ++o,
            Width.LONG, "Customer labels")
        .define(LABELS_BOT, Type.LIST, "bot,chatbot,ivr,virtual agent,virtuele assistent",
            Importance.LOW, "Speaker labels that mean a bot or IVR in .vtt and .json files; "
                + "may be empty.", GROUP, ++o, Width.LONG, "Bot labels")
        .define(TRANSCRIPT_CHANNEL, Type.STRING, Channel.CALL.name(),
            new Described("CALL, CHAT", (name, value) -> {
              String v = ((String) value).strip().toUpperCase(Locale.ROOT);
              if (!v.equals("CALL") && !v.equals("CHAT")) {
                throw new ConfigException(name, value, "must be CALL or CHAT");
              }
            }), Importance.MEDIUM,
            "Channel of contacts from .vtt and .json transcripts (and so their topic: "
                + "<topic.prefix>contacts.call or .chat). JSONL lines carry their own channel.",
            GROUP, ++o, Width.SHORT, "Transcript channel");
  }

  public Path inputDir() {
    return Path.of(getString(INPUT_DIR));
  }

  public Path doneDir() {
    return Path.of(getString(DONE_DIR));
  }

  public Path errorDir() {
    return Path.of(getString(ERROR_DIR));
  }

  public long settleMs() {
    return getLong(SETTLE_MS);
  }

  public long pollIntervalMs() {
    return getLong(POLL_INTERVAL_MS);
  }

  public int batchSize() {
    return getInt(BATCH_SIZE);
  }

  public long maxFileBytes() {
    return getLong(MAX_FILE_BYTES);
  }

  public SpeakerLabels labels() {
    return new SpeakerLabels(getList(LABELS_AGENT), getList(LABELS_CUSTOMER), getList(LABELS_BOT));
  }

  public Channel transcriptChannel() {
    return Channel.valueOf(getString(TRANSCRIPT_CHANNEL).strip().toUpperCase(Locale.ROOT));
  }

}
