package io.mensageria.system;

import static io.mensageria.system.ProblemAssertions.assertApplicationProblem;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An operator's browser keeps the ops login; a hostile page must not use it to retry or discard dead
 * letters. Each request here carries valid ops credentials, as the browser would add them.
 */
class CrossSiteOpsSystemIT {

    private static final String UNKNOWN_DEAD_LETTER = Stack.APP + "/ops/dead-letters/" + UUID.randomUUID() + "/retry";

    @Test
    void aStateChangingRequestFromAnotherOriginIsRefused() {
        assertApplicationProblem(retry("Origin", "https://evil.example", "X-Mensageria-Ops", "1"), 403);
    }

    @Test
    void aStateChangingRequestABrowserMarksCrossSiteIsRefused() {
        assertApplicationProblem(retry("Sec-Fetch-Site", "cross-site"), 403);
    }

    @Test
    void aBrowserRequestWithoutTheOpsPagesHeaderIsRefused() {
        assertApplicationProblem(retry("Origin", ownOrigin()), 403);
    }

    /** 404 here means the request got through to the resource, which knows no such dead letter. */
    @Test
    void theOpsPageAndClientsThatAreNotBrowsersGetThrough() {
        assertApplicationProblem(
                retry("Origin", ownOrigin(), "Sec-Fetch-Site", "same-origin", "X-Mensageria-Ops", "1"), 404);
        assertApplicationProblem(retry(), 404);
    }

    private static HttpResponse<String> retry(String... headers) {
        String[] withCredentials = new String[headers.length + 2];
        withCredentials[0] = "Authorization";
        withCredentials[1] = Stack.basic("ops", Stack.OPS_PASSWORD);
        System.arraycopy(headers, 0, withCredentials, 2, headers.length);
        return Stack.postJson(UNKNOWN_DEAD_LETTER, "", withCredentials);
    }

    private static String ownOrigin() {
        return Stack.APP;
    }
}
