package io.mensageria.security.rest;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * One web module, two ways in: operators use HTTP Basic on /ops, users a MicroProfile JWT bearer
 * token everywhere else. Jakarta Security 3 allows one authentication mechanism per application, so
 * this one chooses by path: Basic it does itself (against {@link OpsIdentityStore}), bearer tokens it
 * hands to the MP-JWT mechanism that {@code @LoginConfig} installs. Neither credential opens the
 * other's routes. (Jakarta Security 4 can declare several mechanisms; Payara 6 implements 3.)
 *
 * <p>A bearer token verified once is remembered until it expires ({@link VerifiedTokens}): verifying
 * it again for each request of the same client (parsing, the signature, the claims) took about one
 * in twelve of the server's CPU samples in the benchmark's card-added profile (BENCHMARKS.md).
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class RouteAuthentication implements HttpAuthenticationMechanism {

    static final String OPS_REALM = "mensageria-ops";

    /**
     * The tokens of this many clients at once; bounded so that a flood of sign-ins cannot grow the heap
     * by more than some tens of megabytes (an entry, token and claims, is a few kilobytes).
     */
    static final int VERIFIED_TOKENS_KEPT = 10_000;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    BeanManager beanManager;

    private volatile HttpAuthenticationMechanism microProfileJwt;

    private final VerifiedTokens verifiedTokens = new VerifiedTokens(VERIFIED_TOKENS_KEPT, Clock.systemUTC());

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/ops") || path.startsWith("/ops/")) {
            return basic(request, response, context);
        }
        String token = bearerToken(request);
        Optional<VerifiedTokens.Caller> known = token == null ? Optional.empty() : verifiedTokens.callerOf(token);
        if (known.isPresent()) {
            SignedInUser.signedIn(request, known.get().principal());
            return context.notifyContainerAboutLogin(
                    known.get().principal(), known.get().groups());
        }
        AuthenticationStatus status = microProfileJwt().validateRequest(request, response, context);
        if (status == AuthenticationStatus.SUCCESS
                && token != null
                && context.getCallerPrincipal() instanceof JsonWebToken verified) {
            SignedInUser.signedIn(request, verified);
            verifiedTokens.remember(
                    token,
                    new VerifiedTokens.Caller(
                            verified,
                            context.getGroups() == null ? Set.of() : Set.copyOf(context.getGroups()),
                            Instant.ofEpochSecond(verified.getExpirationTime())));
        }
        if (context.isProtected() && status != AuthenticationStatus.SUCCESS) {
            // No token, or a token that failed verification (bad signature, expired, wrong issuer or audience).
            response.setHeader(
                    "WWW-Authenticate",
                    token == null
                            ? "Bearer realm=\"mensageria\""
                            : "Bearer realm=\"mensageria\", error=\"invalid_token\"");
            return context.responseUnauthorized();
        }
        return status;
    }

    private AuthenticationStatus basic(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        UsernamePasswordCredential credential = basicCredential(request);
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + OPS_REALM + "\"");
        return context.responseUnauthorized();
    }

    private static UsernamePasswordCredential basicCredential(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0
                    ? null
                    : new UsernamePasswordCredential(
                            decoded.substring(0, colon), new Password(decoded.substring(colon + 1)));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
    }

    /** The mechanism MicroProfile JWT registered: the other HttpAuthenticationMechanism bean. */
    private HttpAuthenticationMechanism microProfileJwt() {
        if (microProfileJwt == null) {
            Bean<?> bean = beanManager.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE).stream()
                    .filter(candidate -> !candidate.getBeanClass().equals(RouteAuthentication.class))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("MicroProfile JWT is not active: no @LoginConfig?"));
            microProfileJwt = (HttpAuthenticationMechanism) beanManager.getReference(
                    bean, HttpAuthenticationMechanism.class, beanManager.createCreationalContext(bean));
        }
        return microProfileJwt;
    }
}
