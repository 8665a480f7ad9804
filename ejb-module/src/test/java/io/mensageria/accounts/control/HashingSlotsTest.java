package io.mensageria.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HashingSlotsTest {

    private final CountDownLatch release = new CountDownLatch(1);
    /** A thread per hash: the common pool may have a single worker, which a held slot would block. */
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void aHashBeyondTheSlotsWaitsItsTurn() throws Exception {
        HashingSlots slots = new HashingSlots(1, Duration.ofSeconds(30));
        CompletableFuture<String> first = hashHoldingTheSlot(slots);
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> slots.run(() -> "second"), threads);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (slots.waiting() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(1, slots.waiting(), "the second hash waits");
        assertFalse(second.isDone());

        release.countDown();
        assertEquals("first", first.get(10, TimeUnit.SECONDS));
        assertEquals("second", second.get(10, TimeUnit.SECONDS), "ran once the slot was free, not refused");
    }

    @Test
    void aHashThatCannotStartWithinTheLongestWaitIsRefusedAsABulkheadWould() throws Exception {
        HashingSlots slots = new HashingSlots(1, Duration.ofMillis(50));
        CompletableFuture<String> first = hashHoldingTheSlot(slots);

        assertThrows(BulkheadException.class, () -> slots.run(() -> "second"));
        release.countDown();
        assertEquals("first", first.get(10, TimeUnit.SECONDS));
        assertEquals("third", slots.run(() -> "third"), "the slot is free again after its hash");
    }

    @Test
    void aHashThatFailsGivesItsSlotBack() {
        HashingSlots slots = new HashingSlots(1, Duration.ofMillis(50));
        assertThrows(
                IllegalStateException.class,
                () -> slots.run(() -> {
                    throw new IllegalStateException("broken hash");
                }));
        assertEquals("next", slots.run(() -> "next"));
    }

    /** A hash that has taken a slot, and keeps it until the test releases it. */
    private CompletableFuture<String> hashHoldingTheSlot(HashingSlots slots) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<String> hash = CompletableFuture.supplyAsync(
                () -> slots.run(() -> {
                    started.countDown();
                    await(release);
                    return "first";
                }),
                threads);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        return hash;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
