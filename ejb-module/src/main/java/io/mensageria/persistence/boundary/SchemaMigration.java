package io.mensageria.persistence.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema up to date before anything else runs, as the schema's owner: the pool
 * every other bean uses connects as a role that cannot create or alter anything.
 */
@Singleton
@Startup
// Flyway runs its own transactions per migration; a container transaction around it would fight them.
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    @Resource(lookup = "jdbc/mensageria-owner")
    DataSource owner;

    @PostConstruct
    void migrate() {
        Flyway.configure(getClass().getClassLoader())
                .dataSource(owner)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
