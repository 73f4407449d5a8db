package org.verl4j.cli;

import org.verl4j.graph.ElementType;
import org.verl4j.model.DecoderWeights;
import org.verl4j.model.ModelExport;
import org.verl4j.model.WeightLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code verl4j export --model DIR --work DIR}: writes a Hugging Face decoder's inference graphs
 * ({@code generation.onnx}: prefill/decode with KV cache, logits and final-norm hidden states; {@code logprobs.onnx}:
 * next-token log-probabilities and entropy) into a working directory, reusing graphs already there for the same
 * weights.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a Llama/Qwen2 checkpoint (config.json + safetensors) to ONNX inference graphs:",
                "generation.onnx (prefill and decode with KV cache; logits, final-norm hidden states, present K/V)",
                "and logprobs.onnx (log-probabilities of the next tokens and predictive entropy). Graphs already",
                "in --work for the same weights are reused."})
public final class ExportCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "Hugging Face model directory.")
    Path model;

    @Option(names = "--work", required = true, description = "Working directory for the .onnx files (created with its parents if missing).")
    Path work;

    @Option(names = "--capture-layers", split = ",", description = "Also output these decoder layers' residual streams (0-based).")
    Set<Integer> captureLayers = new TreeSet<>();

    @Option(names = "--float64", description = "Build float64 graphs (for checks; ONNX Runtime CPU only).")
    boolean float64;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        DecoderWeights weights = DecoderWeights.load(model);
        ElementType type = float64 ? ElementType.DOUBLE : ElementType.FLOAT;
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %s, %d parameters%n", model, weights.config().architecture().hfName(),
                WeightLayout.parameterCount(weights.config()));
        out.println(ModelExport.generation(work, weights, type, captureLayers));
        out.println(ModelExport.logProbs(work, weights, type));
        return 0;
    }
}
