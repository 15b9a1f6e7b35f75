package io.kubepolicies.signing.canonical;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper for signed metadata (manifest, JWS header and claims, {@code .signatures.json}):
 * duplicate keys and anything after the document are errors, so one text has one reading; decimals
 * keep their digits.
 */
public final class StrictJson {
  /** Configured once here and never changed, which makes it safe to share. */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private StrictJson() {}
}
