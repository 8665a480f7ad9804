package io.mensageria.consumers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyBucketsTest {

    @Test
    void eachDurationFallsInTheFirstBucketWhoseBoundHoldsIt() {
        assertEquals(0, LatencyBuckets.bucketOf(Duration.ofNanos(300_000)));
        assertEquals(0, LatencyBuckets.bucketOf(Duration.ofMillis(1)));
        assertEquals(4, LatencyBuckets.bucketOf(Duration.ofMillis(2)));
        assertEquals(40, LatencyBuckets.bucketOf(Duration.ofMillis(1024)));
        assertEquals(LatencyBuckets.COUNT - 1, LatencyBuckets.bucketOf(Duration.ofDays(1)));
        for (long millis : new long[] {3, 17, 250, 9_999}) {
            int bucket = LatencyBuckets.bucketOf(Duration.ofMillis(millis));
            assertTrue(LatencyBuckets.upperBoundMillis(bucket) >= millis, "bound holds " + millis);
            assertTrue(LatencyBuckets.upperBoundMillis(bucket - 1) < millis, "the one before does not " + millis);
            assertTrue(LatencyBuckets.upperBoundMillis(bucket) < millis * 1.19 + 1e-9, "19% at most above " + millis);
        }
    }

    @Test
    void aPercentileIsTheBoundOfTheBucketThatReachesItsRank() {
        long[] counts = new long[LatencyBuckets.COUNT];
        counts[LatencyBuckets.bucketOf(Duration.ofMillis(10))] = 98;
        counts[LatencyBuckets.bucketOf(Duration.ofMillis(1000))] = 2;

        assertEquals(
                LatencyBuckets.upperBoundMillis(LatencyBuckets.bucketOf(Duration.ofMillis(10))),
                LatencyBuckets.percentileMillis(counts, 0.5));
        assertEquals(
                LatencyBuckets.upperBoundMillis(LatencyBuckets.bucketOf(Duration.ofMillis(1000))),
                LatencyBuckets.percentileMillis(counts, 0.99));
        assertEquals(0, LatencyBuckets.percentileMillis(new long[LatencyBuckets.COUNT], 0.99));
    }

    @Test
    void distributionsAddUp() {
        long[] sum = {1, 2, 3};
        LatencyBuckets.addTo(sum, new long[] {1, 0, 4});
        assertEquals(
                java.util.List.of(2L, 2L, 7L),
                java.util.Arrays.stream(sum).boxed().toList());
    }
}
