package io.mensageria.catalog.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mensageria.events.CardAdded;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionManagement;
import jakarta.jms.Message;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ServiceCatalogTest {

    private final ServiceCatalog catalog = ServiceCatalog.declared();

    /** The declarations, which the ops views and metrics rely on, match the message-driven beans. */
    @Test
    void everyMessageDrivenBeanReadsAQueueItsServiceDeclaresAndEveryDeclaredQueueHasOne() throws IOException {
        Map<String, String> fromBeans = messageDrivenBeans()
                .filter(bean -> !destinationOf(bean).startsWith("DLQ.")) // the dead-letter drain
                .collect(Collectors.toMap(ServiceCatalogTest::destinationOf, bean -> bean.getPackageName()));
        Map<String, String> fromCatalog = catalog.services().stream()
                .flatMap(service -> service.consumes().stream()
                        .map(queue -> Map.entry(queue.name(), service.packageName() + ".boundary")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertFalse(fromBeans.isEmpty());
        assertEquals(fromCatalog, fromBeans);
    }

    /**
     * Inbound rolls a failed delivery back through the adapter's own session ({@code AdapterDelivery}),
     * which only a consumer activated this way has; the dead-letter drain stays in one XA transaction.
     */
    @Test
    void everyConsumerIsAcknowledgedByTheAdapterAfterItsCommitAndTheDrainIsNot() throws IOException {
        Map<String, String> managedBy = messageDrivenBeans()
                .collect(Collectors.toMap(
                        ServiceCatalogTest::destinationOf,
                        bean -> property(bean, "useRAManagedTransaction").orElse("the container")));

        managedBy.forEach((queue, manager) -> {
            if (queue.startsWith("DLQ.")) {
                assertEquals("the container", manager, queue);
            } else {
                assertEquals("true", manager, queue);
            }
        });
        assertTrue(managedBy.keySet().stream().anyMatch(queue -> queue.startsWith("DLQ.")));
        // Without a container transaction the adapter acknowledges even a failed delivery (AdapterDelivery).
        messageDrivenBeans().forEach(bean -> {
            assertFalse(bean.isAnnotationPresent(TransactionManagement.class), bean.getName());
            assertFalse(bean.isAnnotationPresent(TransactionAttribute.class), bean.getName());
            assertFalse(onMessageOf(bean).isAnnotationPresent(TransactionAttribute.class), bean.getName());
        });
    }

    @Test
    void theSeedsServicesAndWhoConsumesWhat() {
        assertEquals(
                Set.of("accounts", "wallet", "subscriptions", "billing", "notifications"),
                catalog.services().stream().map(Service::name).collect(Collectors.toSet()));
        assertEquals(List.of("billing", "notifications"), sorted(catalog.consumersOf("UserRegistered")));
        assertEquals(List.of("billing"), catalog.consumersOf("CardAdded"));
        assertEquals(List.of("billing"), catalog.consumersOf("PlanPurchased"));
        assertEquals(List.of("subscriptions"), catalog.consumersOf("PaymentSucceeded"));
        assertEquals(List.of("notifications", "subscriptions"), sorted(catalog.consumersOf("PaymentFailed")));
        assertEquals(List.of("notifications"), catalog.consumersOf("SubscriptionActivated"));
        assertEquals(List.of(), catalog.consumersOf("Unknown"));
    }

    @Test
    void onlyBillingIsUnsafeToReprocess() {
        assertEquals(
                List.of("billing"),
                catalog.services().stream()
                        .filter(service -> service.reprocessing() == Service.Reprocessing.UNSAFE)
                        .map(Service::name)
                        .toList());
    }

    @Test
    void everyPublishedEventHasOneProducer() {
        List<String> published = catalog.services().stream()
                .flatMap(s -> s.publishes().stream())
                .sorted()
                .toList();
        assertEquals(
                List.of(
                        "CardAdded",
                        "PaymentFailed",
                        "PaymentSucceeded",
                        "PlanPurchased",
                        "SubscriptionActivated",
                        "UserRegistered"),
                published);
    }

    @Test
    void logLinesBelongToTheServiceWhosePackageLogsThem() {
        assertEquals("billing", catalog.serviceOfLogger("io.mensageria.billing.boundary.Payments"));
        assertEquals("accounts", catalog.serviceOfLogger("io.mensageria.accounts.rest.UsersResource"));
        assertEquals("platform", catalog.serviceOfLogger("io.mensageria.eventlog.control.EventRelay"));
        assertEquals("platform", catalog.serviceOfLogger("io.mensageria.billingextra.Thing"));
        assertEquals("platform", catalog.serviceOfLogger("org.eclipse.persistence"));
        assertEquals("platform", catalog.serviceOfLogger(null));
    }

    @Test
    void serverSpansBelongToTheServiceOfTheLongestMatchingRoute() {
        assertEquals("wallet", catalog.serviceOfPath("/api/users/{userId}/cards"));
        assertEquals("wallet", catalog.serviceOfPath("/api/users/6f1c2d1e-0000-4000-8000-000000000001/cards"));
        assertEquals("accounts", catalog.serviceOfPath("/api/users/{userId}"));
        assertEquals("accounts", catalog.serviceOfPath("/api/users"));
        assertEquals("accounts", catalog.serviceOfPath("/api/sessions"));
        assertEquals("subscriptions", catalog.serviceOfPath("/api/plans"));
        assertEquals("subscriptions", catalog.serviceOfPath("/api/subscriptions/{id}"));
        assertEquals("platform", catalog.serviceOfPath("/api/usersx"));
        assertEquals("platform", catalog.serviceOfPath("/ops/events"));
        assertEquals("platform", catalog.serviceOfPath(null));
    }

    @Test
    void aServiceCannotDeclareAnotherServicesQueueOrAStrangeName() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Service.named("billing", getClass()).consuming("Consumer.notifications.VirtualTopic.CardAdded"));
        assertThrows(
                IllegalArgumentException.class,
                () -> Service.named("billing", getClass()).consuming("VirtualTopic.CardAdded"));
        assertThrows(IllegalArgumentException.class, () -> Service.named("Billing.X", getClass()));
        assertEquals(
                List.of("CardAdded"),
                Service.named("wallet", getClass()).publishing(CardAdded.class).publishes());
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }

    private static Stream<Class<?>> messageDrivenBeans() throws IOException {
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            return files
                    .filter(f ->
                            f.toString().endsWith(".class") && !f.toString().contains("$"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(ServiceCatalogTest::load)
                    .filter(c -> c.isAnnotationPresent(MessageDriven.class))
                    .toList()
                    .stream();
        }
    }

    private static String destinationOf(Class<?> bean) {
        return property(bean, "destination").orElseThrow();
    }

    private static Optional<String> property(Class<?> bean, String name) {
        return Arrays.stream(bean.getAnnotation(MessageDriven.class).activationConfig())
                .filter(p -> p.propertyName().equals(name))
                .map(ActivationConfigProperty::propertyValue)
                .findFirst();
    }

    private static Method onMessageOf(Class<?> bean) {
        try {
            return bean.getMethod("onMessage", Message.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(bean.getName() + " has no onMessage", e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ServiceCatalogTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
