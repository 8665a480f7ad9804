package io.mensageria.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderRatesTest {

    @Test
    void passwordStepsAreFractionsOfTheHashRateToATenth() {
        assertEquals(List.of(3.2, 4.5, 5.1, 5.8, 6.4, 7.7), Benchmark.fractionsOf(6.4, 0.5, 0.7, 0.8, 0.9, 1.0, 1.2));
    }

    @Test
    void stepsThatRoundAlikeAreOneStep() {
        assertEquals(List.of(1.0), Benchmark.fractionsOf(1, 1.0, 1.01));
    }

    @Test
    void aClimbNeverOffersMoreFlowsThanItsBuyersCover() {
        List<Double> rates = List.of(10.0, 20.0, 30.0);
        Duration step = Duration.ofSeconds(8);
        // A warm-up at the first rate, every step, and one at half the highest, each rounded up.
        long offeredAtMost = 80 + 80 + 160 + 240 + 120;

        assertTrue(Ladder.flowsAtMost(rates, step) >= offeredAtMost);
    }
}
