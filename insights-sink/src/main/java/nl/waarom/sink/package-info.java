/**
 * The Waarom insights sink: consumes {@code <prefix>insights} and {@code <prefix>reason-trends}
 * (and, for the team workspace, the taxonomy in force, the contacts with their classification and
 * editors' corrections), stores them in PostgreSQL (embedded by default), keeps the improvement
 * team's backlog, and serves the board and the REST API.
 *
 * <p>Packages and what they may import:
 * <ul>
 *   <li>{@code db}: the database (embedded server, pool, migrations), row types and the insight and
 *       trend upserts; imports no other sink package.</li>
 *   <li>{@code backlog}: backlog item identity, its upsert and the ranked read; imports {@code db}.</li>
 *   <li>{@code consume}: the Kafka consumer, decoding, dead letters, the batch transaction
 *       ({@code SinkRepository}) and the metrics; imports {@code db} and {@code backlog}.</li>
 *   <li>{@code contacts}: the contact retention purge, the corrections producer and reason names;
 *       imports {@code db}.</li>
 *   <li>{@code explore}: the workspace's figures for a period (overview, a reason's page, the
 *       contrast of its words); imports {@code db}, {@code contacts} (reason names) and the taxonomy
 *       module.</li>
 *   <li>{@code backtest}: the backtest of an emerging reason's drafted rule over the stored
 *       contacts, with the analyzer's classification library ({@code nl.waarom.analyzer.classify},
 *       {@code .backtest}; never the analyzer's service packages); imports {@code db} and
 *       {@code backlog}.</li>
 *   <li>{@code board}: the HTML board, the workspace pages, the REST API and their queries;
 *       imports {@code db}, {@code backlog}, {@code contacts}, {@code explore} and
 *       {@code backtest}.</li>
 *   <li>{@code app}: configuration and wiring ({@code SinkApp}, {@code SinkMain}); imports all.</li>
 * </ul>
 */
package nl.waarom.sink;
