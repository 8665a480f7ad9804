package io.mensageria.catalog.boundary;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * Every service as it declared itself: who consumes which event type, which queues exist, whose log
 * line or server span something is. Code outside the services asks here instead of naming services.
 */
public final class ServiceCatalog {

    /** What log lines and spans that belong to no service (the shared components) are attributed to. */
    public static final String PLATFORM = "platform";

    private static final ServiceCatalog DECLARED = new ServiceCatalog(
            ServiceLoader.load(ServiceDeclaration.class, ServiceDeclaration.class.getClassLoader()).stream()
                    .map(provider -> provider.get().service())
                    .toList());

    private final List<Service> services;
    private final List<Route> routes;

    private record Route(Pattern pattern, int length, String service) {}

    public ServiceCatalog(List<Service> services) {
        this.services = List.copyOf(services);
        this.routes = services.stream()
                .flatMap(service -> service.routes().stream()
                        .map(route -> new Route(prefixPattern(route), route.length(), service.name())))
                .sorted(Comparator.comparingInt(Route::length).reversed())
                .toList();
    }

    /** The catalog of the services deployed with this application. */
    public static ServiceCatalog declared() {
        return DECLARED;
    }

    public List<Service> services() {
        return services;
    }

    public Optional<Service> named(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst();
    }

    public List<String> consumersOf(String eventType) {
        return services.stream()
                .filter(service -> service.consumes(eventType))
                .map(Service::name)
                .toList();
    }

    public List<ConsumerQueue> consumerQueues() {
        return services.stream().flatMap(service -> service.consumes().stream()).toList();
    }

    /** Services that consume at least one event type. */
    public List<String> consumers() {
        return services.stream()
                .filter(service -> !service.consumes().isEmpty())
                .map(Service::name)
                .toList();
    }

    /** The service whose package a logger belongs to, or {@link #PLATFORM}. */
    public String serviceOfLogger(String logger) {
        return logger == null
                ? PLATFORM
                : services.stream()
                        .filter(service ->
                                logger.equals(service.packageName()) || logger.startsWith(service.packageName() + "."))
                        .map(Service::name)
                        .findFirst()
                        .orElse(PLATFORM);
    }

    /** The service that serves a request path or route template (the longest matching route wins), or {@link #PLATFORM}. */
    public String serviceOfPath(String path) {
        return path == null
                ? PLATFORM
                : routes.stream()
                        .filter(route -> route.pattern().matcher(path).matches())
                        .map(Route::service)
                        .findFirst()
                        .orElse(PLATFORM);
    }

    /** A route template as a pattern that matches it, its concrete paths and every path below them. */
    private static Pattern prefixPattern(String route) {
        StringBuilder regex = new StringBuilder();
        for (String part : route.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex + "(/.*)?");
    }
}
