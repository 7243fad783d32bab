package kr.outage.compensation.platform.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The JSON a service keeps in its own columns (campaign terms, program parameters, evidence, audit
 * states, stored idempotent answers). Written and read only by the service itself, so a document
 * that cannot be written or read back is a defect, reported as such rather than as a checked
 * exception.
 */
@ApplicationScoped
public class JsonDocuments {

    @Inject
    ObjectMapper json;

    /** The value as JSON text, or null for null (so a nullable jsonb column stays SQL NULL). */
    public String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public <T> T read(String document, TypeReference<T> type) {
        try {
            return json.readValue(document, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is unreadable as " + type.getType(), e);
        }
    }

    public <T> T read(String document, Class<T> type) {
        try {
            return json.readValue(document, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is unreadable as " + type.getSimpleName(), e);
        }
    }
}
