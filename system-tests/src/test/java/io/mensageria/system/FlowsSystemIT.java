package io.mensageria.system;

import static io.mensageria.system.ProblemAssertions.assertApplicationProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The flows through the proxy: card, plan, charge, activation, across three hops of the broker;
 * out-of-order healing; dead letters with their real cause, and an operator's retry.
 * (./mensageria test shortens redelivery to rounds of 1, 2 and 4 s through the MENSAGERIA_RETRY_* variables.)
 */
class FlowsSystemIT {

    private static final String VISA = "4111 1111 1111 1111";
    private static final String MASTERCARD = "5555 5555 5555 4444";
    private static final String DECLINED = "4000 0000 0000 0002";
    private static final int NEXT_YEAR = Year.now().getValue() + 1;
    private static final Duration CHAIN = Duration.ofSeconds(60);

    @Test
    void aCardThenAPlanMakeAnActiveSubscriptionThroughThreeHops() {
        Account ana = Account.register("Ana Lima");
        String token = ana.signIn();
        assertEquals(201, ana.addCard(token, VISA, 12, NEXT_YEAR).statusCode());

        HttpResponse<String> ordered = ana.subscribe(token, "premium");

        assertEquals(202, ordered.statusCode(), ordered.body());
        JsonObject subscription = Stack.json(ordered);
        assertEquals("PENDING", subscription.getString("status"));
        assertEquals(ana.id(), subscription.getString("userId"));
        String id = subscription.getString("id");
        assertTrue(ordered.headers().firstValue("Location").orElseThrow().endsWith("/api/subscriptions/" + id));
        awaitStatus(ana, token, id, "ACTIVE");

        JsonObject purchase = Ops.event(
                        "PlanPurchased", p -> p.getString("subscriptionId").equals(id))
                .orElseThrow();
        JsonObject payment = Ops.event(
                        "PaymentSucceeded", p -> p.getString("subscriptionId").equals(id))
                .orElseThrow();
        JsonObject activation = await().atMost(CHAIN)
                .until(
                        () -> Ops.event(
                                        "SubscriptionActivated",
                                        p -> p.getString("subscriptionId").equals(id))
                                .orElse(null),
                        e -> e != null && "PROCESSED".equals(Ops.consumerState(e, "notifications")));
        assertEquals(
                purchase.getString("eventId"), payment.getString("causationId"), "billing charged for the purchase");
        assertEquals(payment.getString("eventId"), activation.getString("causationId"));
        assertEquals(purchase.getString("traceId"), payment.getString("traceId"), "one trace across the hops");
        assertEquals(purchase.getString("traceId"), activation.getString("traceId"), "one trace across the hops");
        assertEquals(5590, payment.getJsonObject("payload").getInt("amountCents"));
    }

    @Test
    void aPlanBoughtBeforeTheCardIsChargedOnceTheCardArrives() {
        Account ana = Account.register("Ana Lima");
        String token = ana.signIn();
        String id = Stack.json(ana.subscribe(token, "basic")).getString("id");
        await().atMost(CHAIN).until(() -> purchaseState(id, "billing"), "RETRYING"::equals);

        assertEquals(201, ana.addCard(token, MASTERCARD, 1, NEXT_YEAR).statusCode());

        awaitStatus(ana, token, id, "ACTIVE");
        assertEquals("PROCESSED", purchaseState(id, "billing"));
    }

    @Test
    void withoutACardThePurchaseIsDeadLetteredWithItsRealCauseAndAnOperatorRetryCompletesIt() {
        Account ana = Account.register("Ana Lima");
        String token = ana.signIn();
        String id = Stack.json(ana.subscribe(token, "standard")).getString("id");

        await().atMost(CHAIN).until(() -> purchaseState(id, "billing"), "DEAD_LETTERED"::equals);
        assertEquals("PENDING", ana.subscription(token, id).getString("status"), "documented: it waits, PENDING");
        JsonObject letter = deadLetterOf(id);
        assertEquals("billing", letter.getString("consumer"));
        assertEquals("PlanPurchased", letter.getString("eventType"));
        assertEquals("Consumer.billing.VirtualTopic.PlanPurchased", letter.getString("queue"));
        assertTrue(letter.getString("cause").startsWith("CardNotYetKnown"), letter.getString("cause"));
        assertTrue(letter.getInt("attempts") >= 4, "one quick retry and three rounds after the first try: " + letter);
        assertTrue(Ops.deadLetters("/groups").stream()
                .anyMatch(g -> g.getString("cause").equals(letter.getString("cause"))
                        && g.getString("consumer").equals("billing")));

        assertEquals(201, ana.addCard(token, VISA, 6, NEXT_YEAR).statusCode());
        HttpResponse<String> retried =
                Stack.postJsonAsOps(Stack.APP + "/ops/dead-letters/" + letter.getString("id") + "/retry");

        assertEquals(202, retried.statusCode(), retried.body());
        awaitStatus(ana, token, id, "ACTIVE");
        assertEquals(
                "RETRIED",
                Ops.deadLetters("?state=all&consumer=billing").stream()
                        .filter(d -> d.getString("id").equals(letter.getString("id")))
                        .findFirst()
                        .orElseThrow()
                        .getString("state"));
        assertEquals(
                409,
                Stack.postJsonAsOps(Stack.APP + "/ops/dead-letters/" + letter.getString("id") + "/retry")
                        .statusCode(),
                "a dead letter is retried once");
    }

    @Test
    void aDeclinedCardEndsInPaymentFailedAndTheUserIsTold() {
        Account ana = Account.register("Ana Lima");
        String token = ana.signIn();
        assertEquals(201, ana.addCard(token, DECLINED, 3, NEXT_YEAR).statusCode());
        String id = Stack.json(ana.subscribe(token, "basic")).getString("id");

        awaitStatus(ana, token, id, "PAYMENT_FAILED");
        JsonObject failure = await().atMost(CHAIN)
                .until(
                        () -> Ops.event(
                                        "PaymentFailed",
                                        p -> p.getString("subscriptionId").equals(id))
                                .orElse(null),
                        e -> e != null && "PROCESSED".equals(Ops.consumerState(e, "notifications")));
        assertEquals("card declined by issuer", failure.getJsonObject("payload").getString("reason"));
        assertEquals("PROCESSED", purchaseState(id, "billing"), "a decline is an answer, not a failure to retry");

        HttpResponse<String> again = ana.subscribe(token, "basic");
        assertEquals(202, again.statusCode(), "a failed subscription does not block a new one: " + again.body());
    }

    @Test
    void cardsAreCheckedAndShownWithoutTheirNumber() {
        Account ana = Account.register("Ana Lima");
        String token = ana.signIn();

        HttpResponse<String> added = ana.addCard(token, "4111-1111-1111-1111", 12, NEXT_YEAR);

        assertEquals(201, added.statusCode(), added.body());
        JsonObject card = Stack.json(added);
        assertEquals("VISA", card.getString("brand"));
        assertEquals("1111", card.getString("last4"));
        assertEquals(Set.of("id", "brand", "last4", "expiryMonth", "expiryYear"), card.keySet());
        HttpResponse<String> listed =
                Stack.get(Stack.PROXY + "/api/users/" + ana.id() + "/cards", "Authorization", "Bearer " + token);
        assertEquals(200, listed.statusCode());
        assertFalse(listed.body().contains("41111111"), listed.body());
        JsonObject event = Ops.event("CardAdded", p -> p.getString("userId").equals(ana.id()))
                .orElseThrow();
        assertFalse(event.toString().contains("41111111"), "no full number on the broker: " + event);
        assertEquals("1111", event.getJsonObject("payload").getString("last4"));
    }

    @Test
    void badCardsAreRefusedByField() {
        Account ana = Account.register("Ana Lima");
        String token = ana.signIn();
        assertEquals(
                Set.of("number"),
                fields(assertApplicationProblem(ana.addCard(token, "4111 1111 1111 1112", 12, NEXT_YEAR), 400)));
        assertEquals(
                Set.of("expiryYear"),
                fields(assertApplicationProblem(
                        ana.addCard(token, VISA, 1, Year.now().getValue() - 1), 400)));
        assertEquals(
                Set.of("expiryMonth"), fields(assertApplicationProblem(ana.addCard(token, VISA, 13, NEXT_YEAR), 400)));
        assertApplicationProblem(
                Stack.postJson(
                        Stack.PROXY + "/api/users/" + ana.id() + "/cards", "{}", "Authorization", "Bearer " + token),
                400);
        assertEquals(
                List.of(),
                Ops.events("CardAdded").stream()
                        .filter(e ->
                                e.getJsonObject("payload").getString("userId").equals(ana.id()))
                        .toList());
    }

    @Test
    void cardsAndSubscriptionsAreTheirOwnersAlone() {
        Account ana = Account.register("Ana Lima");
        Account bob = Account.register("Bob Reis");
        String anaToken = ana.signIn();
        String bobToken = bob.signIn();
        assertApplicationProblem(
                Stack.postJson(
                        Stack.PROXY + "/api/users/" + bob.id() + "/cards", "{}", "Authorization", "Bearer " + anaToken),
                403);
        assertApplicationProblem(
                Stack.get(Stack.PROXY + "/api/users/" + bob.id() + "/cards", "Authorization", "Bearer " + anaToken),
                403);
        assertApplicationProblem(Stack.get(Stack.PROXY + "/api/users/" + ana.id() + "/cards"), 401);
        String bobsSubscription = Stack.json(bob.subscribe(bobToken, "basic")).getString("id");
        assertApplicationProblem(
                Stack.get(
                        Stack.PROXY + "/api/subscriptions/" + bobsSubscription, "Authorization", "Bearer " + anaToken),
                404);
        assertApplicationProblem(
                Stack.get(Stack.PROXY + "/api/subscriptions/not-a-uuid", "Authorization", "Bearer " + anaToken), 404);
        assertApplicationProblem(Stack.postJson(Stack.PROXY + "/api/subscriptions", "{\"planId\":\"basic\"}"), 401);
    }

    @Test
    void subscriptionsRefuseUnknownPlansAndASecondLiveOne() {
        Account ana = Account.register("Ana Lima");
        String token = ana.signIn();
        assertApplicationProblem(ana.subscribe(token, "platinum"), 404);
        assertApplicationProblem(
                Stack.postJson(Stack.PROXY + "/api/subscriptions", "{}", "Authorization", "Bearer " + token), 400);
        assertEquals(202, ana.subscribe(token, "basic").statusCode());
        assertApplicationProblem(ana.subscribe(token, "premium"), 409);
    }

    @Test
    void thePlansAreOnSale() {
        HttpResponse<String> response = Stack.get(Stack.PROXY + "/api/plans");
        assertEquals(200, response.statusCode());
        List<JsonObject> plans = Stack.parse(response.body()).asJsonArray().getValuesAs(JsonObject.class);
        assertEquals(
                Set.of("basic", "standard", "premium"),
                plans.stream().map(p -> p.getString("id")).collect(Collectors.toSet()));
        assertTrue(plans.stream().allMatch(p -> p.getString("currency").equals("BRL") && p.getInt("priceCents") > 0));
    }

    private static void awaitStatus(Account account, String token, String subscriptionId, String status) {
        await().atMost(CHAIN)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> account.subscription(token, subscriptionId).getString("status"), status::equals);
    }

    private static String purchaseState(String subscriptionId, String consumer) {
        return Ops.event("PlanPurchased", p -> p.getString("subscriptionId").equals(subscriptionId))
                .map(e -> Ops.consumerState(e, consumer))
                .orElse("NOT LOGGED");
    }

    private static JsonObject deadLetterOf(String subscriptionId) {
        return Ops.deadLetters("?consumer=billing&eventType=PlanPurchased").stream()
                .filter(d ->
                        d.getJsonObject("payload").getString("subscriptionId").equals(subscriptionId))
                .findFirst()
                .orElseThrow();
    }

    private static Set<String> fields(JsonObject problem) {
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .collect(Collectors.toSet());
    }
}
