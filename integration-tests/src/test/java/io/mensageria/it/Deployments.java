package io.mensageria.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real EAR, as built, with the test classes added to its WAR so they run inside the server. */
final class Deployments {

    private Deployments() {}

    static EnterpriseArchive mensageriaWith(Class<?>... testClasses) {
        EnterpriseArchive ear =
                ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("mensageria.ear")));
        WebArchive war = ear.getAsType(WebArchive.class, "web-module.war");
        war.addClasses(testClasses).addClasses(Poll.class, ServiceTables.class);
        ear.delete("web-module.war");
        return ear.addAsModule(war);
    }
}
