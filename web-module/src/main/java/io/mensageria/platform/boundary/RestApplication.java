package io.mensageria.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Every resource: the public API under /api (the only path nginx forwards) and the ops API under /ops. */
@ApplicationPath("/")
public class RestApplication extends Application {
}
