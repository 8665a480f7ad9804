package io.mensageria.accounts.control;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * As many password hashes at once as there are slots, in the order they asked; one that cannot start
 * within the longest wait is refused with a {@link BulkheadException} (the API's 503 with Retry-After),
 * so a request never hangs. A bulkhead with a short queue, which MicroProfile's {@code @Bulkhead} offers
 * only to asynchronous calls: one slot per core runs each hash at full speed, and the queue absorbs
 * arrivals that bunch up, which slots alone would refuse while the cores still had time for them.
 */
public class HashingSlots {

    private final Semaphore slots;
    private final Duration longestWait;

    public HashingSlots(int slots, Duration longestWait) {
        this.slots = new Semaphore(slots, true);
        this.longestWait = longestWait;
    }

    /** How many hashes wait for a slot now. */
    public int waiting() {
        return slots.getQueueLength();
    }

    public <T> T run(Supplier<T> hashing) {
        try {
            if (!slots.tryAcquire(longestWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new BulkheadException("too many password hashes at once");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BulkheadException("interrupted while waiting to hash a password");
        }
        try {
            return hashing.get();
        } finally {
            slots.release();
        }
    }
}
