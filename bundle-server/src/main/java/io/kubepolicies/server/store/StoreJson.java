package io.kubepolicies.server.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The JSON form of pointers, history records and API bodies: snake_case names, RFC 3339 times,
 * nulls left out; unknown fields are ignored on reading, so newer writers do not break older readers.
 */
public final class StoreJson {
  private final ObjectMapper mapper = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  public byte[] write(Object value) {
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  public JsonNode tree(Object value) {
    return mapper.valueToTree(value);
  }

  /** Reads {@code what} (named in the error) from JSON; malformed input is an {@link IOException} saying where. */
  public <T> T read(byte[] json, Class<T> type, String what) throws IOException {
    try {
      T value = mapper.readValue(json, type);
      if (value == null) {
        throw new IOException(what + ": empty JSON document");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new IOException(what + ": " + e.getOriginalMessage(), e);
    }
  }

  public <T> T read(JsonNode json, Class<T> type, String what) throws IOException {
    try {
      return mapper.treeToValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IOException(what + ": " + e.getOriginalMessage(), e);
    }
  }
}
