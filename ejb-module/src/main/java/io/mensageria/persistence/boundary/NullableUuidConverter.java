package io.mensageria.persistence.boundary;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Hands UUIDs to and from the PostgreSQL driver unchanged. EclipseLink 4.0's own UUID conversion fails
 * with a NullPointerException on a NULL column, so nullable uuid columns use this one instead.
 */
@Converter
public class NullableUuidConverter implements AttributeConverter<UUID, UUID> {

    @Override
    public UUID convertToDatabaseColumn(UUID attribute) {
        return attribute;
    }

    @Override
    public UUID convertToEntityAttribute(UUID column) {
        return column;
    }
}
