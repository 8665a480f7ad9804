package io.mensageria.problems.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Refuses, before any resource is chosen, a path or query no route of the API can mean: a path with
 * parameters ({@code /api/users;x/...}, which the container's security rules and JAX-RS's matching read
 * differently), percent-encoding that is not UTF-8, or a control character anywhere in the decoded path
 * or a query parameter.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestLineFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        String rawPath = uri.getRequestUri().getRawPath();
        String rawQuery = uri.getRequestUri().getRawQuery();
        if (rawPath.indexOf(';') >= 0) {
            request.abortWith(refused("path", "Path parameters (';') are not accepted"));
        } else if (!isUtf8(rawPath) || !PlainText.Validator.isPlain(uri.getPath())) {
            request.abortWith(refused("path", "The path must not contain control characters"));
        } else if ((rawQuery != null && !isUtf8(rawQuery)) || !plainQuery(uri)) {
            request.abortWith(
                    refused("query", "Query parameters must be percent-encoded text without control characters"));
        }
    }

    /**
     * Whether percent-decoding gives well-formed UTF-8: the container would turn {@code %80} or the
     * overlong {@code %C0%AE} into U+FFFD and let it through.
     */
    static boolean isUtf8(String raw) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
            int i = 0;
            while (i < raw.length()) {
                if (raw.charAt(i) == '%') {
                    bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                    i += 3;
                } else {
                    int next = raw.indexOf('%', i);
                    int end = next < 0 ? raw.length() : next;
                    bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                    i = end;
                }
            }
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException | IllegalArgumentException | IndexOutOfBoundsException malformed) {
            return false;
        }
    }

    private static boolean plainQuery(UriInfo uri) {
        try {
            return uri.getQueryParameters().entrySet().stream().allMatch(RequestLineFilter::isPlain);
        } catch (IllegalArgumentException badPercentEncoding) {
            return false;
        }
    }

    private static boolean isPlain(Map.Entry<String, List<String>> parameter) {
        return PlainText.Validator.isPlain(parameter.getKey())
                && parameter.getValue().stream().allMatch(PlainText.Validator::isPlain);
    }

    private static Response refused(String field, String message) {
        return Problem.of(Status.BAD_REQUEST, message, List.of(new Problem.FieldError(field, message)))
                .toResponse();
    }
}
