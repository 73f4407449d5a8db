package org.verl4j.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Strict JSON for tensor-file headers and shard indexes, through Jackson: objects become maps in document order,
 * integers {@link Long}, other numbers {@link java.math.BigDecimal}; duplicate keys and trailing text are errors.
 */
final class HeaderJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private HeaderJson() {
    }

    /** Parses one JSON value filling the whole text; malformed JSON → IllegalArgumentException with the reason. */
    static Object parse(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException bad) {
            throw new IllegalArgumentException(bad.getOriginalMessage(), bad);
        }
    }
}
