package nl.waarom.sink.verify;

/**
 * The figures of one impact verification.
 *
 * @param beforeDays days compared before the change
 * @param afterDays days compared after it
 * @param beforeShare the reason's mean daily share of all contacts before
 * @param expectedShare the share expected after, from the same weekdays before (weekly rhythm)
 * @param afterShare the reason's mean daily share after
 * @param change afterShare / expectedShare − 1 (−0.30 is a 30% drop)
 * @param t Welch-style t statistic of the after days' deviations from their weekday's mean
 * @param pValue one-sided p-value for "the share fell"
 * @param effective whether the drop is at least the minimum and significant
 */
public record ImpactResult(int beforeDays, int afterDays, double beforeShare,
    double expectedShare, double afterShare, double change, double t, double pValue,
    boolean effective) {}
