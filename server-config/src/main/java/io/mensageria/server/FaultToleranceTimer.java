package io.mensageria.server;

import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.Trigger;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Supplier;

/**
 * The timer MicroProfile Fault Tolerance schedules on: a {@code @Timeout}'s interrupt of the call that
 * ran over, a circuit's move to half-open. Payara takes it from a JNDI name
 * ({@code set-fault-tolerance-configuration --managedscheduledexecutorservicename}), by default its
 * managed scheduled executor, which captures the caller's context for every task it is given, and on
 * Payara 6 that capture scans the application's class loaders for {@code ThreadContextProvider}
 * services each time: for a gateway call guarded by {@code @Timeout}, 7.6 % of the server's CPU under
 * load (BENCHMARKS.md). Those tasks set a flag and interrupt a thread; they need no context. So this one
 * is a plain scheduled executor with one daemon thread, and does nothing else a managed executor does.
 */
public final class FaultToleranceTimer extends ScheduledThreadPoolExecutor implements ManagedScheduledExecutorService {

    FaultToleranceTimer() {
        super(1, task -> {
            Thread thread = new Thread(task, "mensageria-ft-timer");
            thread.setDaemon(true);
            return thread;
        });
        // A call that ends in time cancels its timeout: drop it from the queue then, not 2 s later.
        setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, Trigger trigger) {
        throw scheduledTasksOnly();
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, Trigger trigger) {
        throw scheduledTasksOnly();
    }

    @Override
    public <U> CompletableFuture<U> completedFuture(U value) {
        throw scheduledTasksOnly();
    }

    @Override
    public <U> CompletionStage<U> completedStage(U value) {
        throw scheduledTasksOnly();
    }

    @Override
    public <T> CompletableFuture<T> copy(CompletableFuture<T> stage) {
        throw scheduledTasksOnly();
    }

    @Override
    public <T> CompletionStage<T> copy(CompletionStage<T> stage) {
        throw scheduledTasksOnly();
    }

    @Override
    public <U> CompletableFuture<U> failedFuture(Throwable failure) {
        throw scheduledTasksOnly();
    }

    @Override
    public <U> CompletionStage<U> failedStage(Throwable failure) {
        throw scheduledTasksOnly();
    }

    @Override
    public ContextService getContextService() {
        throw scheduledTasksOnly();
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        throw scheduledTasksOnly();
    }

    @Override
    public CompletableFuture<Void> runAsync(Runnable runnable) {
        throw scheduledTasksOnly();
    }

    @Override
    public <U> CompletableFuture<U> supplyAsync(Supplier<U> supplier) {
        throw scheduledTasksOnly();
    }

    private static UnsupportedOperationException scheduledTasksOnly() {
        return new UnsupportedOperationException(
                "Fault Tolerance's timer runs delayed tasks only, without a managed context");
    }
}
