package org.verl4j.cli;

import org.verl4j.io.TextLines;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verl4j.rollout.HfTokenizer;
import org.verl4j.rollout.PromptFormat;
import org.verl4j.rollout.Tokenizer;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * {@code verl4j tokenize --model DIR|--tokenizer FILE [--template T] --input FILE.jsonl}: for each line's
 * {@code text}, one JSON line with {@code id}, {@code ids} and {@code decoded} (and {@code rendered}, the prompt text,
 * when a template is given).
 */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
        description = "Encode and decode text with a model's tokenizer (what to check first when a model misbehaves).")
public final class TokenizeCommand implements Runnable {

    static final class Source {
        @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory.")
        Path model;

        @Option(names = "--tokenizer", required = true, paramLabel = "FILE", description = "A tokenizer.json.")
        Path tokenizer;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--template", paramLabel = "T", description = "plain | abel | qwen-boxed | chat: render first.")
    String template;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "JSON Lines with 'text' (and 'id').")
    Path input;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PromptFormat format = template == null ? null : PromptFormat.named(template);
        TextLines rows = TextLines.read(input, "text");
        ObjectMapper json = new ObjectMapper();
        try (Tokenizer t = source.model != null ? Tokenizer.forModel(source.model) : HfTokenizer.load(source.tokenizer, null)) {
            for (TextLines.Row row : rows.rows()) {
                String text = format == null ? row.text() : format.render(row.text(), t);
                int[] ids = t.encode(text);
                ObjectNode o = json.createObjectNode();
                o.put("id", row.id());
                if (format != null) o.put("rendered", text);
                var array = o.putArray("ids");
                for (int id : ids) array.add(id);
                o.put("decoded", t.decode(ids));
                spec.commandLine().getOut().println(json.writeValueAsString(o));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
