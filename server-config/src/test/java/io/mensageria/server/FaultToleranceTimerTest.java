package io.mensageria.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FaultToleranceTimerTest {

    private final FaultToleranceTimer timer =
            (FaultToleranceTimer) new FaultToleranceTimerFactory().getObjectInstance(null, null, null, null);

    @Test
    void everyLookUpGetsTheOneTimerAsTheManagedExecutorFaultToleranceCastsItTo() {
        Object again = new FaultToleranceTimerFactory().getObjectInstance(null, null, null, null);

        assertSame(timer, again);
        assertTrue(again instanceof ManagedScheduledExecutorService);
    }

    @Test
    void aDelayedTaskInterruptsTheThreadItWasGivenOnADaemonThreadOfItsOwn() throws Exception {
        Thread caller = Thread.currentThread();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        timer.schedule(
                () -> {
                    ranOn.set(Thread.currentThread());
                    caller.interrupt();
                },
                20,
                TimeUnit.MILLISECONDS);

        InterruptedException interrupted =
                assertThrows(InterruptedException.class, () -> new CountDownLatch(1).await(5, TimeUnit.SECONDS));

        assertEquals("mensageria-ft-timer", ranOn.get().getName(), interrupted.toString());
        assertTrue(ranOn.get().isDaemon(), "a timer thread never keeps the JVM from stopping");
    }

    @Test
    void aTimeoutCancelledBecauseTheCallEndedInTimeLeavesTheQueueAtOnce() {
        ScheduledFuture<?> timeout = timer.schedule(() -> {}, 2, TimeUnit.SECONDS);

        timeout.cancel(true);

        assertTrue(timer.getQueue().isEmpty(), "a call per request would otherwise leave 2 s of timers queued");
    }

    @Test
    void whatOnlyAManagedExecutorDoesIsRefusedRatherThanDoneWithoutItsContext() {
        assertThrows(UnsupportedOperationException.class, () -> timer.runAsync(() -> {}));
        assertThrows(UnsupportedOperationException.class, timer::getContextService);
    }
}
