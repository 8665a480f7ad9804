package io.mensageria.problems.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestLineFilterTest {

    @Test
    void percentEncodedUtf8IsWellFormed() {
        assertTrue(RequestLineFilter.isUtf8("/api/plans"));
        assertTrue(RequestLineFilter.isUtf8("x=caf%C3%A9&y=%E2%82%AC%20"));
        assertTrue(RequestLineFilter.isUtf8("name=Zo%C3%AB%F0%9F%98%80"));
    }

    @Test
    void bytesThatAreNoUtf8AndBrokenEscapesAreNot() {
        assertFalse(RequestLineFilter.isUtf8("x=%80"), "a continuation byte alone");
        assertFalse(RequestLineFilter.isUtf8("/api/users/%c0%ae%c0%ae/"), "an overlong dot");
        assertFalse(RequestLineFilter.isUtf8("x=%ED%A0%80"), "an encoded surrogate");
        assertFalse(RequestLineFilter.isUtf8("x=%ZZ"));
        assertFalse(RequestLineFilter.isUtf8("x=%4"));
    }
}
