package io.mensageria.rest;

import io.mensageria.security.rest.RouteAuthentication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Every resource: the public API under /api (the only path nginx forwards) and the ops API under /ops.
 * Users sign in with MicroProfile JWT; {@link RouteAuthentication} decides which routes take which
 * credentials, web.xml which routes need them. The API's contract is META-INF/openapi.yaml, served at
 * /openapi as written (annotation scanning is off).
 */
@ApplicationPath("/")
// A CDI bean, so that MicroProfile JWT's extension sees @LoginConfig (discovery mode is "annotated").
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "mensageria")
public class RestApplication extends Application {

    /**
     * Resources are CDI beans, so Bean Validation's CDI interceptor validates their parameters on every
     * call; Jersey's own validation would check them a second time before it (2 % of the server's CPU
     * under load, BENCHMARKS.md). Without Jersey's, a request's fields are checked once, inside the
     * resource's Fault Tolerance bulkhead (whose interceptor comes first), and the same
     * ValidationProblemMapper answers.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.beanValidation.disable.server", true);
    }
}
