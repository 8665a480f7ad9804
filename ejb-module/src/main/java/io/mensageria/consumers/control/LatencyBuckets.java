package io.mensageria.consumers.control;

import java.time.Duration;

/**
 * Durations counted in log-scale buckets, so that distributions from every instance and minute add up:
 * bucket k counts durations up to 2^(k/4) ms (each bound 19% above the one before, from 1 ms to about
 * 4.7 hours), the last one everything longer. A percentile is answered as its bucket's upper bound.
 */
public final class LatencyBuckets {

    public static final int COUNT = 98;
    private static final int PER_DOUBLING = 4;

    private LatencyBuckets() {}

    public static int bucketOf(Duration duration) {
        double millis = duration.toNanos() / 1e6;
        if (millis <= 1) {
            return 0;
        }
        int bucket = (int) Math.ceil(PER_DOUBLING * Math.log(millis) / Math.log(2) - 1e-9);
        return Math.min(bucket, COUNT - 1);
    }

    /** The longest duration bucket k counts, in milliseconds (the last bucket's lower one: it has no upper). */
    public static double upperBoundMillis(int bucket) {
        return Math.pow(2, (double) Math.min(bucket, COUNT - 2) / PER_DOUBLING);
    }

    /** The duration under which this share of the counted ones fall, in milliseconds; 0 when none was counted. */
    public static double percentileMillis(long[] counts, double share) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(share * total));
        long seen = 0;
        for (int bucket = 0; bucket < counts.length; bucket++) {
            seen += counts[bucket];
            if (seen >= rank) {
                return upperBoundMillis(bucket);
            }
        }
        return upperBoundMillis(counts.length - 1);
    }

    /** Adds the second distribution's counts to the first's. */
    public static void addTo(long[] sum, long[] counts) {
        for (int bucket = 0; bucket < Math.min(sum.length, counts.length); bucket++) {
            sum[bucket] += counts[bucket];
        }
    }
}
