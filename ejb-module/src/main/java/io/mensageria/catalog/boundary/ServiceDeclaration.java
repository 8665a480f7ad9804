package io.mensageria.catalog.boundary;

/**
 * Implemented once per service, in the service's own root package, and listed in
 * {@code META-INF/services/io.mensageria.catalog.boundary.ServiceDeclaration}: the one place that says
 * what the service consumes and publishes. The shared components read it through {@link ServiceCatalog}.
 */
public interface ServiceDeclaration {

    Service service();
}
