package io.mensageria.rest;

import io.mensageria.security.rest.RouteAuthentication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Every resource: the public API under /api (the only path nginx forwards) and the ops API under /ops.
 * Users sign in with MicroProfile JWT; {@link RouteAuthentication} decides which routes take which
 * credentials, web.xml which routes need them.
 */
@ApplicationPath("/")
// A CDI bean, so that MicroProfile JWT's extension sees @LoginConfig (discovery mode is "annotated").
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "mensageria")
@OpenAPIDefinition(info = @Info(title = "Mensageria public API", version = "1"))
@SecurityScheme(
        securitySchemeName = RestApplication.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "The token from POST /api/sessions")
@SecurityScheme(
        securitySchemeName = RestApplication.OPS,
        type = SecuritySchemeType.HTTP,
        scheme = "basic",
        description = "User ops, on the app port only (never through the proxy)")
public class RestApplication extends Application {

    public static final String BEARER = "bearer";
    public static final String OPS = "ops";
}
