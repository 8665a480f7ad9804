package io.mensageria.bench;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 hashes per second in a plain JVM, one thread per core, with the application's parameters
 * (accounts' PasswordHashing: HMAC-SHA512, 210,000 iterations, 32-byte salt, 64-byte key): the ceiling
 * of registration and sign-in, whatever the rest of the system does.
 */
final class PasswordHashLimit {

    static final int ITERATIONS = 210_000;
    static final int SALT_BYTES = 32;
    static final int KEY_BITS = 64 * 8;

    private PasswordHashLimit() {}

    static Measurement measure(Duration duration) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        AtomicLong hashes = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        hash("a long enough secret");
                        hashes.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Measurement(
                    "pbkdf2",
                    "hashes/s",
                    hashes.get() / seconds,
                    threads + " threads, PBKDF2WithHmacSHA512, " + ITERATIONS + " iterations");
        } finally {
            pool.shutdownNow();
        }
    }

    static byte[] hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, KEY_BITS))
                    .getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
