package io.mensageria.bench;

import java.net.http.HttpRequest;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One kind of client action the ladder offers at rising rates, and how its end-to-end latency is read
 * from the system's own timestamps: from the occurrence of the first event it logs (the accept of the
 * request that logged it) to the inbox mark of the last consumer of the last event of the same trace,
 * which {@code consumers} consumers must have processed. No event: no end-to-end.
 */
record Workload(
        String name, List<Double> rates, Supplier<Flow> flows, String firstEvent, String lastEvent, int consumers) {

    private static final String CARD =
            "{\"number\":\"4242424242424242\",\"holder\":\"Bench User\",\"expiryMonth\":12,\"expiryYear\":2030}";

    static Workload cardAdded(String proxy, List<Users.User> users, List<Double> rates) {
        AtomicLong next = new AtomicLong();
        return new Workload(
                "card-added",
                rates,
                () -> Flow.of(addCard(proxy, users.get((int) (next.getAndIncrement() % users.size())))),
                "CardAdded",
                "CardAdded",
                1);
    }

    /**
     * A new subscriber's purchase: a card, then a plan, which billing charges (PaymentSucceeded),
     * subscriptions activates and notifications announces. Each buyer buys once (a second live
     * subscription is refused), so {@code buyers} must hold one per flow the ladder can offer
     * ({@link Ladder#flowsAtMost}); only the ladder's sending thread takes from it.
     */
    static Workload purchase(String proxy, Iterator<Users.User> buyers, List<Double> rates) {
        return new Workload(
                "purchase",
                rates,
                () -> {
                    Users.User buyer = buyers.next();
                    return Flow.of(addCard(proxy, buyer))
                            .then(Users.post(proxy + "/api/subscriptions", "{\"planId\":\"standard\"}")
                                    .header("Authorization", "Bearer " + buyer.token())
                                    .build());
                },
                "PlanPurchased",
                "SubscriptionActivated",
                1);
    }

    static Workload signIn(String proxy, List<Users.User> users, List<Double> rates) {
        AtomicLong next = new AtomicLong();
        return new Workload(
                "sign-in",
                rates,
                () -> {
                    Users.User user = users.get((int) (next.getAndIncrement() % users.size()));
                    return Flow.of(Users.post(proxy + "/api/sessions", Users.signIn(user.email()))
                            .build());
                },
                null,
                null,
                0);
    }

    static Workload registration(String proxy, List<Double> rates) {
        return new Workload(
                "registration",
                rates,
                () -> Flow.of(Users.post(
                                proxy + "/api/users", Users.registration("bench-" + UUID.randomUUID() + "@example.com"))
                        .build()),
                "UserRegistered",
                "UserRegistered",
                2);
    }

    private static HttpRequest addCard(String proxy, Users.User user) {
        return Users.post(proxy + "/api/users/" + user.id() + "/cards", CARD)
                .header("Authorization", "Bearer " + user.token())
                .build();
    }

    boolean hasEndToEnd() {
        return firstEvent != null;
    }
}
