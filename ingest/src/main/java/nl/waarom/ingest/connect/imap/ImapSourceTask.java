package nl.waarom.ingest.connect.imap;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import nl.waarom.ingest.connect.CommonConfig;
import nl.waarom.ingest.connect.ConnectorVersion;
import nl.waarom.ingest.connect.Records;
import nl.waarom.ingest.privacy.Redactor;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads new mail from its share of the configured folders and emits one Contact record per
 * message (or a DeadLetter when a message cannot become one).
 *
 * <p><b>Position.</b> Source partition {@code {folder}}, source offset
 * {@code {uidvalidity, uid}} of the message. On start the task resumes after the committed UID;
 * every poll asks the server for UIDs above the last one emitted, in UID order, so each message is
 * emitted once per committed position. When the folder's UIDVALIDITY differs from the committed
 * one (the server renumbered the folder), the folder is read again from the start: that can
 * produce duplicates, which downstream can drop because the contactId is the Message-ID.
 *
 * <p><b>Failures.</b> Connection errors are logged and retried on the next poll after the poll
 * interval; a folder that cannot be opened is skipped for that poll; a message that cannot be
 * converted becomes a DeadLetter (request {@code folder/UID}, value the raw RFC 822 bytes) and the
 * task moves on.
 *
 * <p><b>Threads.</b> The worker calls {@link #poll} from one thread, which owns the IMAP
 * connection; {@link #stop} from another only wakes the poll wait, after which the poll thread
 * closes the connection.
 */
public final class ImapSourceTask extends SourceTask {
  static final String SOURCE = "imap-connector";
  static final String FOLDER = "folder";
  static final String UIDVALIDITY = "uidvalidity";
  static final String UID = "uid";
  private static final Logger LOG = LoggerFactory.getLogger(ImapSourceTask.class);

  private ImapSourceConfig config;
  private MailToContact converter;
  private Records records;
  private String topic;
  private final Map<String, Position> positions = new LinkedHashMap<>();
  private final Object wake = new Object();
  private volatile boolean stopping;
  private Store store;
  private Session session;

  /** Where a folder stands: the UIDVALIDITY and last UID emitted; -1 validity when unknown. */
  private static final class Position {
    long uidValidity = -1;
    long lastUid;
  }

  @Override
  public String version() {
    return ConnectorVersion.get();
  }

  @Override
  public void start(Map<String, String> props) {
    config = new ImapSourceConfig(props);
    converter = new MailToContact(CommonConfig.pseudonymizer(config), new Redactor(),
        CommonConfig.language(config));
    records = new Records(CommonConfig.topics(config), SOURCE);
    topic = config.topic();
    String assigned = props.getOrDefault(ImapSourceConfig.TASK_FOLDERS,
        String.join(",", config.folders()));
    for (String folder : assigned.split(",")) {
      if (!folder.isBlank()) {
        positions.put(folder.strip(), restore(folder.strip()));
      }
    }
    LOG.info("IMAP task reads {} on {}:{} into {}", positions.keySet(), config.host(),
        config.port(), topic);
  }

  private Position restore(String folder) {
    Position p = new Position();
    Map<String, Object> offset = context.offsetStorageReader().offset(partition(folder));
    if (offset != null && offset.get(UIDVALIDITY) instanceof Number v
        && offset.get(UID) instanceof Number u) {
      p.uidValidity = v.longValue();
      p.lastUid = u.longValue();
    }
    return p;
  }

  static Map<String, String> partition(String folder) {
    return Map.of(FOLDER, folder);
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    List<SourceRecord> out = new ArrayList<>();
    try {
      Store s = connected();
      for (Map.Entry<String, Position> e : positions.entrySet()) {
        if (out.size() >= config.batchSize() || stopping) {
          break;
        }
        readFolder(s, e.getKey(), e.getValue(), out);
      }
    } catch (MessagingException e) {
      LOG.warn("IMAP server {}:{} not usable, retrying after {} ms: {}", config.host(),
          config.port(), config.pollIntervalMs(), e.toString());
      disconnect();
    }
    if (out.isEmpty()) {
      pause();
    }
    if (stopping) {
      disconnect(); // on the poll thread, which owns the connection
    }
    return out.isEmpty() ? null : out;
  }

  private void readFolder(Store s, String name, Position position, List<SourceRecord> out)
      throws MessagingException {
    Folder f = s.getFolder(name);
    try {
      f.open(Folder.READ_ONLY);
    } catch (MessagingException e) {
      if (!s.isConnected()) {
        throw e;
      }
      LOG.error("cannot open folder {}, skipping it this poll: {}", name, e.toString());
      return;
    }
    try {
      UIDFolder uf = (UIDFolder) f;
      long validity = uf.getUIDValidity();
      if (position.uidValidity != validity) {
        if (position.uidValidity != -1) {
          LOG.warn("UIDVALIDITY of {} changed from {} to {}: reading the folder again; contacts "
              + "already produced will repeat with the same contactId", name,
              position.uidValidity, validity);
        }
        position.uidValidity = validity;
        position.lastUid = 0;
      }
      Message[] messages = uf.getMessagesByUID(position.lastUid + 1, UIDFolder.MAXUID);
      FetchProfile profile = new FetchProfile();
      profile.add(UIDFolder.FetchProfileItem.UID);
      profile.add(FetchProfile.Item.ENVELOPE);
      f.fetch(messages, profile);
      for (Message m : messages) {
        long uid = uf.getUID(m);
        // "n:*" returns the last message even when its UID is below n (RFC 3501 6.4.8)
        if (uid <= position.lastUid) {
          continue;
        }
        if (out.size() >= config.batchSize()) {
          break;
        }
        out.add(toRecord(name, validity, uid, m));
        position.lastUid = uid;
      }
    } finally {
      if (f.isOpen()) {
        f.close(false);
      }
    }
  }

  /**
   * The record for one message. The raw RFC 822 bytes are fetched once and parsed here rather
   * than through the server's BODYSTRUCTURE, so a message the server cannot describe still
   * becomes a contact or a dead letter with its original bytes.
   */
  private SourceRecord toRecord(String folder, long validity, long uid, Message m)
      throws MessagingException {
    Map<String, Long> offset = Map.of(UIDVALIDITY, validity, UID, uid);
    byte[] raw = fetchRaw(m);
    MailToContact.Result r;
    if (raw == null) {
      r = MailToContact.Result.failed("cannot fetch the message from the server", null);
    } else {
      MimeMessage local;
      try {
        local = new MimeMessage(session, new ByteArrayInputStream(raw));
        r = converter.convert(local, m.getReceivedDate(), folder, validity, uid);
      } catch (MessagingException e) {
        r = MailToContact.Result.failed("cannot parse the message: " + e.getMessage(), e);
      }
    }
    if (r.isValid()) {
      return records.contact(partition(folder), offset, topic, r.contact());
    }
    LOG.warn("message {}/{} (UIDVALIDITY {}) is not a valid contact, dead-lettered: {}", folder,
        uid, validity, r.reason());
    return records.deadLetter(partition(folder), offset, folder + "/" + uid, raw, r.reason(),
        r.error());
  }

  /** The message exactly as stored (headers and body), or null; connection loss propagates. */
  private static byte[] fetchRaw(Message m) throws MessagingException {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      m.writeTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      return null;
    }
  }

  private Store connected() throws MessagingException {
    if (store != null && store.isConnected()) {
      return store;
    }
    session = Session.getInstance(sessionProperties(config));
    Store s = session.getStore(config.tls() == ImapSourceConfig.Tls.IMPLICIT ? "imaps" : "imap");
    s.connect(config.host(), config.port(), config.user(), config.password());
    store = s;
    return s;
  }

  /** Jakarta Mail properties for the configured TLS mode and timeouts. */
  static Properties sessionProperties(ImapSourceConfig config) {
    Properties p = new Properties();
    String protocol = config.tls() == ImapSourceConfig.Tls.IMPLICIT ? "imaps" : "imap";
    String timeout = Integer.toString(config.timeoutMs());
    p.setProperty("mail." + protocol + ".connectiontimeout", timeout);
    p.setProperty("mail." + protocol + ".timeout", timeout);
    p.setProperty("mail." + protocol + ".writetimeout", timeout);
    // fetch with BODY.PEEK: reading mail must not mark it \Seen for the people using the mailbox
    p.setProperty("mail." + protocol + ".peek", "true");
    if (config.tls() == ImapSourceConfig.Tls.STARTTLS) {
      p.setProperty("mail.imap.starttls.enable", "true");
      p.setProperty("mail.imap.starttls.required", "true");
    }
    if (config.tls() != ImapSourceConfig.Tls.NONE) {
      p.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
    }
    return p;
  }

  private void pause() throws InterruptedException {
    synchronized (wake) {
      if (!stopping) {
        wake.wait(config.pollIntervalMs());
      }
    }
  }

  private void disconnect() {
    Store s = store;
    store = null;
    if (s != null) {
      try {
        s.close();
      } catch (MessagingException e) {
        LOG.debug("closing the IMAP connection failed", e);
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
}
