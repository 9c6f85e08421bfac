/**
 * Event-time order at the analyzer's repartition hops: the repeat ledger, the trends and the
 * detectors see contacts in the order they occurred, however fast each contact topic and each
 * partition is read.
 *
 * <p><b>The approach.</b> Every repartition is an {@link nl.waarom.analyzer.streams.order.OrderedHop}:
 * processor {@code watermark-<hop>} ({@link nl.waarom.analyzer.streams.order.WatermarkSource}) →
 * repartition topic {@code <hop>} → processor {@code order-<hop>}
 * ({@link nl.waarom.analyzer.streams.order.EventTimeOrder}). The analyzer has four: {@code
 * by-customer} (from the contact topics to the repeat ledger), then {@code by-reason} (the
 * detectors), {@code reason-channel} (the trends) and {@code explained} (the explained share).
 * Each task writing into a hop forwards its records unchanged and, every watermark interval of
 * wall-clock time, a {@link nl.waarom.analyzer.streams.order.Marker}: a record whose key carries
 * the task's index and watermark, "no more records from me at or before this event time". The
 * {@link nl.waarom.analyzer.streams.order.MarkerPartitioner} multicasts a marker to every
 * partition of the hop (KIP-837), so each receiving task hears from every source. The receiving
 * task keeps each source's latest marker and buffers the records; the effective watermark is the
 * minimum over the sources that are not idle, once every source has reported (the maximum when all
 * are idle), and never goes back. Everything buffered at or before it is released in order of
 * (order time, tie-break, offset): contactId for the contact hops, the key and the event for the
 * trend hops. At the first hop a source's watermark is the latest arrival it read minus the
 * disorder tolerance; the later hops relay what their upstream hop ({@code by-customer}) released,
 * with tolerance 0, since that is already ordered. Behind the ordering processor, the processors
 * get <em>ticks</em> (null values, key {@code Marker#isTick}) when the released time advanced; they
 * drop them or use them to judge what became due.
 *
 * <p><b>Idle sources.</b> A source that read nothing for the idle timeout (wall clock) is idle: it
 * is not waited for. Quiet is not the same as unserved: a partition whose consumer still has
 * records to fetch is not quiet ({@link nl.waarom.analyzer.streams.order.InputLag}), and a gap of
 * more than five marker intervals between a task's markers (its stream thread was busy releasing a
 * large batch, paused, or starved of CPU) does not count as quiet either, on a real consumer; a
 * {@code TopologyTestDriver}'s simulated clock may jump. Idleness applies to the first hop's
 * sources only: at a later hop every source relays the same upstream hop, one may still have
 * records to release up to where another already is, so the effective watermark there is the
 * minimum over all of them, idle or not (it catches up within a marker interval). Its watermark stays its latest arrival minus the tolerance until it has
 * been quiet for the idle timeout plus the tolerance, then becomes its latest arrival (whatever
 * comes after such a lull occurred after it began, up to the tolerance before it arrives). The
 * wall clock only measures quiet; it never moves event time, so a replay of last week is ordered
 * exactly like live traffic.
 *
 * <p><b>Order time.</b> A contact that arrived more than the tolerance after it occurred (an
 * email fetched an hour late, a webhook retried for hours) arrived long after its time. When it
 * arrived is the header {@value nl.waarom.schemas.ArrivalHeader#NAME} that the producer set (the
 * connectors set it when they read a contact) or, without one, the record's Kafka timestamp on the
 * contact topic (the moment the gateway sent it); classification carries it on in that header. Such a contact keeps its event
 * time (its windows) but is placed in the stream at its arrival minus the tolerance, and never
 * behind the watermark of the partition it was read from; that position, the order time, is
 * carried in the header {@value nl.waarom.analyzer.streams.order.OrderTime#HEADER} through every
 * later hop ({@link nl.waarom.analyzer.streams.order.OrderTime}). The ordering sorts by order
 * time, and the trends, the explained share, the repeat ledger and the hotspot judge measure
 * lateness from it. Because it depends on the contact alone, not on what else its partition held,
 * a late contact is placed, counted late or not, and judged at the same point whether the input is
 * read live or caught up, on any number of partitions. The first hop's watermark follows the
 * latest arrival read (minus the tolerance), so a contact dated in the future by a skewed clock
 * does not make the others late.
 *
 * <p><b>Late.</b> A record at or before its hop's released watermark is late: it is forwarded at
 * once (not dropped; the processors behind apply their own lateness rules, e.g. the trends' grace)
 * and counted in {@value nl.waarom.analyzer.streams.order.EventTimeOrder#LATE} with tag
 * {@code hop}. Contacts displaced by less than the tolerance are never late.
 *
 * <p><b>The trade-off.</b> A result waits, in wall-clock time, the disorder tolerance plus about a
 * marker interval per hop (two hops deep: by-customer, then one of the others) before it is
 * released; in exchange, contacts read up to the tolerance out of order give exactly the output of
 * contacts read in order. The default tolerance, 2 minutes, covers the usual skew between
 * partitions and channel topics; a larger one tolerates more disorder (a topic read in batches) and
 * delays every insight by as much.
 *
 * <p><b>Settings.</b> {@code WAAROM_ANALYZER_DISORDER_TOLERANCE} (default 2m), {@code
 * WAAROM_ANALYZER_IDLE_TIMEOUT} (10s), {@code WAAROM_ANALYZER_WATERMARK_INTERVAL} (1s); the number
 * of sources is the partition count of the contact topics (which must all have the same).
 *
 * <p><b>Names.</b> Processors {@code watermark-<hop>} and {@code order-<hop>}; repartition topic
 * {@code <application.id>-<hop>-repartition}; stores (changelogged) {@code <hop>-order-marks}
 * (each source's last marker and the released watermark) and {@code <hop>-order-buffer} (the
 * records waiting, key {@code <order time>|<event time>|<tie-break>NUL<offset>|<key>}). The
 * watermark sources keep their latest and earliest event time in memory; after a restart the
 * latest starts from the task's stream time, which Kafka Streams restores.
 *
 * <p><b>Known limits.</b>
 * <ul>
 *   <li>A source that was idle when its instance died is not waited for until it reports again:
 *       records it reads on restart may be late.</li>
 *   <li>Keys starting with {@link nl.waarom.analyzer.streams.order.Marker#PREFIX} (a NUL
 *       character) are reserved for markers and ticks. The keys at the hops are our own: customer
 *       pseudonyms, reason ids and window keys, never raw client input.</li>
 *   <li>A marker of a source index at or beyond the configured number of sources is ignored: the
 *       partition count changed, and the application refuses to start with differing counts.</li>
 * </ul>
 */
package nl.waarom.analyzer.streams.order;
