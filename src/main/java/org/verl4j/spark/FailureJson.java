package org.verl4j.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** {@code failures.jsonl}: one {@code {"error": "…"}} line per bad input, the message naming file (and line). */
final class FailureJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FailureJson() {
    }

    static List<String> lines(List<String> messages) {
        List<String> lines = new ArrayList<>(messages.size());
        for (String m : messages) {
            ObjectNode o = JSON.createObjectNode();
            o.put("error", m);
            try {
                lines.add(JSON.writeValueAsString(o));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }
}
