package io.mensageria.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProfileTest {

    @Test
    void framesAreNamedAfterTheLibraryTheyBelongTo() {
        assertEquals("Jersey", Profile.ownerOf("org.glassfish.jersey.server.ServerRuntime"));
        assertEquals("application (io.mensageria)", Profile.ownerOf("io.mensageria.inbound.boundary.Inbound"));
        assertEquals("com.example.lib", Profile.ownerOf("com.example.lib.Thing"));
    }

    @Test
    void threadsAreCountedByTheirPool() {
        assertEquals("http-thread-pool::http-listener", Profile.pool("http-thread-pool::http-listener-1(3)"));
        assertEquals("__ejb-thread-pool", Profile.pool("__ejb-thread-pool12"));
        assertEquals("main", Profile.pool("main"));
    }
}
