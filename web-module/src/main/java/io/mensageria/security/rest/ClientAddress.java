package io.mensageria.security.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client behind a request. nginx and the app share the loopback interface with
 * every local process, so the address alone cannot say whether nginx sent a request: nginx proves it
 * with {@link #PROXY_HEADER}, a secret the launcher generates. Only then is its X-Forwarded-For (the
 * address nginx saw, never the client's own header) believed; otherwise the connection's address is
 * the client's.
 */
@ApplicationScoped
public class ClientAddress {

    public static final String PROXY_HEADER = "X-Mensageria-Proxy";

    /** An IPv4 or IPv6 literal as nginx's $remote_addr writes it: anything else is not nginx's. */
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    @Inject
    @ConfigProperty(name = "mensageria.proxy.secret")
    Optional<String> proxySecret;

    public String of(HttpServletRequest request) {
        String forwardedFor = request.getHeader("X-Forwarded-For");
        if (forwardedFor != null && fromProxy(request.getHeader(PROXY_HEADER))) {
            String address = forwardedFor.strip();
            if (ADDRESS.matcher(address).matches()) {
                return address;
            }
        }
        return request.getRemoteAddr();
    }

    private boolean fromProxy(String presented) {
        return presented != null
                && proxySecret.filter(secret -> !secret.isEmpty()).isPresent()
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8),
                        proxySecret.get().getBytes(StandardCharsets.UTF_8));
    }
}
