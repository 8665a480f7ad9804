package io.mensageria.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mensageria.events.EventMetadata;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalog of who consumes what, which the ops view relies on, matches the message-driven beans. */
class EventConsumersTest {

    @Test
    void everyMessageDrivenBeanReadsASubscribedQueueAndEverySubscriptionHasOne() throws IOException {
        Set<String> fromBeans = messageDrivenBeans().map(EventConsumersTest::destinationOf)
                .filter(destination -> !destination.startsWith("DLQ.")) // the platform's dead-letter drain
                .collect(Collectors.toSet());
        Set<String> fromCatalog = new HashSet<>();
        EventConsumers.all().forEach((type, consumers) ->
                consumers.forEach(consumer -> fromCatalog.add(EventMetadata.consumerQueue(consumer, type))));

        assertFalse(fromBeans.isEmpty());
        assertEquals(fromCatalog, fromBeans);
    }

    private static Stream<Class<?>> messageDrivenBeans() throws IOException {
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(EventConsumersTest::load)
                    .filter(c -> c.isAnnotationPresent(MessageDriven.class))
                    .toList()
                    .stream();
        }
    }

    private static String destinationOf(Class<?> bean) {
        return Arrays.stream(bean.getAnnotation(MessageDriven.class).activationConfig())
                .filter(p -> p.propertyName().equals("destination"))
                .map(ActivationConfigProperty::propertyValue)
                .findFirst()
                .orElseThrow();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EventConsumersTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
