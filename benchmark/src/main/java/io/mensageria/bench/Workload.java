package io.mensageria.bench;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One kind of request the ladder offers at rising rates, and how its end-to-end latency is read from
 * the system's own timestamps: the event it logs (its occurrence is the request's accept) and how many
 * consumers must have processed it (the last one's inbox mark is the end). No event: no end-to-end.
 */
record Workload(String name, List<Double> rates, Supplier<HttpRequest> requests, String eventType, int consumers) {

    static Workload cardAdded(String proxy, List<Users.User> users, List<Double> rates) {
        AtomicLong next = new AtomicLong();
        String card =
                "{\"number\":\"4242424242424242\",\"holder\":\"Bench User\",\"expiryMonth\":12,\"expiryYear\":2030}";
        return new Workload(
                "card-added",
                rates,
                () -> {
                    Users.User user = users.get((int) (next.getAndIncrement() % users.size()));
                    return Users.post(proxy + "/api/users/" + user.id() + "/cards", card)
                            .header("Authorization", "Bearer " + user.token())
                            .build();
                },
                "CardAdded",
                1);
    }

    static Workload signIn(String proxy, List<Users.User> users, List<Double> rates) {
        AtomicLong next = new AtomicLong();
        return new Workload(
                "sign-in",
                rates,
                () -> {
                    Users.User user = users.get((int) (next.getAndIncrement() % users.size()));
                    return Users.post(proxy + "/api/sessions", Users.signIn(user.email()))
                            .build();
                },
                null,
                0);
    }

    static Workload registration(String proxy, List<Double> rates) {
        return new Workload(
                "registration",
                rates,
                () -> Users.post(
                                proxy + "/api/users", Users.registration("bench-" + UUID.randomUUID() + "@example.com"))
                        .build(),
                "UserRegistered",
                2);
    }

    boolean hasEndToEnd() {
        return eventType != null;
    }
}
