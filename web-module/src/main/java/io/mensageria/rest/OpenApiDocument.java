package io.mensageria.rest;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Makes the published OpenAPI document one that tools accept, and point at the proxy. Configured as
 * {@code mp.openapi.filter}.
 * <ul>
 *   <li>Its one server is the public URL, so that a client generated from it, or the API reference
 *       page's "try it", goes through the proxy. (Payara reads {@code mp.openapi.servers} only from a
 *       property of that exact name, which an environment variable never is.)
 *   <li>Payara 6.2025.10 adds a top-level {@code endpoints} member of its own, which the OpenAPI
 *       schema does not allow (Redocly and the contract tests' validator refuse the document; later
 *       Payara releases name it {@code x-endpoints}, FISH-12303). It is emptied, and an empty one is
 *       not written. There is no API for it: it is reached by name, and left alone where it is absent.
 * </ul>
 */
public class OpenApiDocument implements OASFilter {

    private static final Logger LOG = Logger.getLogger(OpenApiDocument.class.getName());

    @Override
    public void filterOpenAPI(OpenAPI api) {
        String url = ConfigProvider.getConfig()
                .getOptionalValue("mensageria.public.url", String.class)
                .orElse(PublicLinks.DEFAULT_URL);
        api.setServers(List.of(OASFactory.createServer().url(url).description("The public entry proxy")));
        withoutPayaraEndpoints(api);
    }

    private static void withoutPayaraEndpoints(OpenAPI api) {
        try {
            Method setEndpoints = api.getClass().getMethod("setEndpoints", Map.class);
            setEndpoints.invoke(api, new TreeMap<>());
        } catch (NoSuchMethodException e) {
            // A Payara without the member: nothing to do.
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warning(() -> "Could not remove Payara's 'endpoints' from the OpenAPI document: " + e);
        }
    }
}
