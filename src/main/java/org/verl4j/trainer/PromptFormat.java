package org.verl4j.trainer;

import org.verl4j.benchmarks.PromptTemplate;

/**
 * How a problem's text becomes the prompt: as is ({@code raw}; the char-level models' chat template appends the
 * separator token), or one of spec §9's evaluation templates.
 *
 * @param template the template, or null for raw
 */
public record PromptFormat(PromptTemplate template) {

    public static final PromptFormat RAW = new PromptFormat(null);

    public String format(String question) {
        return template == null ? question : template.format(question);
    }

    public String label() {
        return template == null ? "raw" : template.label();
    }

    public static PromptFormat named(String label) {
        return label.equals("raw") ? RAW : new PromptFormat(PromptTemplate.named(label));
    }
}
