/**
 * The {@code ./waarom} command line, on picocli: one class per command or command group
 * ({@code run}, {@code demo}, {@code replay}, {@code dlq list|replay}, the queries
 * {@code insights}, {@code trends} and {@code contacts}, {@code eval}, {@code classify},
 * {@code bench classify|insights|redaction}, {@code config}, {@code help}), entered through
 * {@link nl.waarom.local.cli.WaaromCommand#execute}.
 *
 * <p>The commands only parse and validate: options are declared with picocli annotations, values
 * are converted by the shared converters (durations everywhere through
 * {@link nl.waarom.platform.Parsers#duration}), and each command hands a validated option record
 * ({@code ReplayOptions}, {@code DlqListOptions}, {@code QueryOptions}, {@code EvalOptions}, ...)
 * to a plain Java API of the stack, a service or a tool. Only this package depends on picocli.
 * Help, usage errors (exit 2, naming the option) and the reference in {@code docs/cli.md}
 * ({@link nl.waarom.local.cli.CliReference}) come from the annotations.
 */
package nl.waarom.local.cli;
