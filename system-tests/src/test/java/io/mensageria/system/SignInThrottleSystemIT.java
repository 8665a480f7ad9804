package io.mensageria.system;

import static io.mensageria.system.Account.signInBody;
import static io.mensageria.system.ProblemAssertions.assertApplicationProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Password guessing is slowed down for the guesser and nobody else. Each test plays its clients from
 * addresses of its own (documentation ranges), sending as nginx would ({@link Stack#viaProxyFrom}).
 */
class SignInThrottleSystemIT {

    /** SignInThrottle's free attempts: per email from one address, and per address across emails. */
    private static final int FREE_PER_EMAIL = 5;

    private static final int FREE_PER_ADDRESS = 30;

    @Test
    void anAttackersFailuresNeverSlowTheOwnerSigningInFromElsewhere() {
        Account victim = Account.register("Vera Victim");
        String attacker = uniqueAddress();
        for (int guess = 1; guess <= FREE_PER_EMAIL + 1; guess++) {
            signInFrom(attacker, signInBody(victim.email(), "wrong guess " + guess));
        }
        assertApplicationProblem(signInFrom(attacker, victim.credentials()), 429);

        HttpResponse<String> owner = signInFrom(uniqueAddress(), victim.credentials());

        assertEquals(200, owner.statusCode(), owner.body());
    }

    @Test
    void guessesSentInParallelAreAllCounted() throws Exception {
        Account victim = Account.register("Vera Victim");
        String attacker = uniqueAddress();
        List<Integer> answers = new ArrayList<>();
        // Two waves of four: two hashes per core at most, which the server's hashing slots take within
        // their wait, so that none is refused as busy.
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            for (int wave = 0; wave < 2; wave++) {
                List<Future<Integer>> guesses = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String body = signInBody(victim.email(), "parallel guess " + wave + i);
                    guesses.add(clients.submit(() -> signInFrom(attacker, body).statusCode()));
                }
                for (Future<Integer> guess : guesses) {
                    answers.add(guess.get());
                }
            }
        } finally {
            clients.shutdownNow();
        }

        Map<Integer, Long> counts =
                answers.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(Map.of(401, (long) FREE_PER_EMAIL, 429, 8L - FREE_PER_EMAIL), counts, answers.toString());
    }

    @Test
    void oneAddressGuessingAcrossManyEmailsIsSlowedDown() {
        String guesser = uniqueAddress();
        for (int email = 0; email < FREE_PER_ADDRESS; email++) {
            assertApplicationProblem(signInFrom(guesser, signInBody(randomEmail(), "a guessed password")), 401);
        }

        HttpResponse<String> next = signInFrom(guesser, signInBody(randomEmail(), "a guessed password"));

        assertApplicationProblem(next, 429);
        Account someoneElse = Account.register("Sam Else");
        assertEquals(200, signInFrom(uniqueAddress(), someoneElse.credentials()).statusCode());
    }

    private static HttpResponse<String> signInFrom(String address, String body) {
        return Stack.postJson(Stack.APP + "/api/sessions", body, Stack.viaProxyFrom(address));
    }

    private static String uniqueAddress() {
        UUID random = UUID.randomUUID();
        return "198.51." + (int) (random.getMostSignificantBits() & 0xff) + "."
                + (int) (random.getLeastSignificantBits() & 0xff);
    }

    private static String randomEmail() {
        return "nobody-" + UUID.randomUUID() + "@example.com";
    }
}
