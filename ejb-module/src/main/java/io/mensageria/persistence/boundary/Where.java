package io.mensageria.persistence.boundary;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The where clause of a JPQL query built from optional filters: each filter given (not null) adds its
 * condition and its parameter, an absent one adds nothing. Keyset paging is one more filter
 * ({@code position < :before}, newest first) and {@link #next}.
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** @param condition JPQL naming the value as {@code :name}, e.g. {@code e.eventType = :type} */
    public Where and(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
        return this;
    }

    /** @param select the query up to its where clause; @param orderBy what follows it */
    public <T> TypedQuery<T> query(EntityManager em, String select, String orderBy, Class<T> type) {
        TypedQuery<T> query = em.createQuery(select + this + " " + orderBy, type);
        parameters.forEach(query::setParameter);
        return query;
    }

    @Override
    public String toString() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** The {@code before} of the page after a full one (newest first), or null when this was the last. */
    public static <T> Long next(List<T> page, int limit, ToLongFunction<T> key) {
        return page.size() == limit ? key.applyAsLong(page.get(page.size() - 1)) : null;
    }
}
