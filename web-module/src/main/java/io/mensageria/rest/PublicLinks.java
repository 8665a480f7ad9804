package io.mensageria.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Links the API hands out (Location), built on the configured public URL: never on the request's Host
 * header, which any client can set, nor on the scheme of the hop from the proxy.
 */
@ApplicationScoped
public class PublicLinks {

    static final String DEFAULT_URL = "http://127.0.0.1:8080";

    @Inject
    @ConfigProperty(name = "mensageria.public.url", defaultValue = DEFAULT_URL)
    String publicUrl;

    /** The public URL of an API path such as {@code api/users/42}. */
    public URI to(String path) {
        String base = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
        return URI.create(base).resolve(path.startsWith("/") ? path.substring(1) : path);
    }
}
