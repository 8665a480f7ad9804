package io.mensageria.instances.rest;

import io.mensageria.instances.boundary.Instances;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;

/** GET /ops/instances: the application instances that share this database, from their heartbeats. */
@Path("ops/instances")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class OpsInstancesResource {

    @Inject
    Instances instances;

    @GET
    public List<Instances.Instance> instances() throws SQLException {
        return instances.running();
    }
}
