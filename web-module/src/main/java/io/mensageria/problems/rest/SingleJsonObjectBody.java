package io.mensageria.problems.rest;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * A JSON request body is read as the API means it: one object and nothing after it. JSON-B alone takes
 * the first of two objects sent one after the other, and unwraps an object from an array of one. An
 * empty body goes on as it is, for the resource's own "a JSON body is required".
 */
@Provider
public class SingleJsonObjectBody implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getMediaType() == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (body.length > 0 && !isOneObject(body)) {
            throw new ProcessingException("The body is not one JSON object");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    static boolean isOneObject(byte[] body) {
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return false;
            }
            // Event by event: Parsson's skipObject() spins forever on a body cut short.
            int depth = 1;
            while (depth > 0) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    default -> {}
                }
            }
            return !parser.hasNext();
        } catch (RuntimeException notJson) {
            // JsonParsingException, NoSuchElementException at the end, a bare RuntimeException when nested too deep.
            return false;
        }
    }
}
