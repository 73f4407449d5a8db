package org.verl4j.trainer;

import org.verl4j.trainstep.TrainStep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verl4j.io.AtomicFile;
import org.verl4j.io.DType;
import org.verl4j.io.NamedTensor;
import org.verl4j.io.SafetensorsFile;
import org.verl4j.io.SafetensorsWriter;
import org.verl4j.shaping.ControllerState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checkpoints of a run, {@code <run>/checkpoints/step-NNNNNN/}, each holding
 * <pre>
 * config.json, model.safetensors, tokenizer files   the policy in Hugging Face layout (export/generate/eval load it)
 * optimizer.safetensors                              θ, m, v (and critic_θ, critic_m, critic_v) in F64, exact
 * trainer_state.json                                 step, data cursor, optimizer steps, VERL controller state
 * </pre>
 * A save is atomic: everything is written into {@code .partial-step-NNNNNN-<nanos>/} beside the others and the
 * directory is renamed into place only when complete, so a crash or kill during a save leaves the previous
 * checkpoints as they were (the partial directory is removed by the next save). The latest checkpoint is the one
 * with the highest step.
 */
public final class Checkpoints {

    /** Writes the Hugging Face model files of the policy into a directory. */
    @FunctionalInterface
    public interface ModelWriter {
        void write(Path dir, double[] theta) throws IOException;
    }

    static final String STATE = "trainer_state.json", OPTIMIZER = "optimizer.safetensors", PARTIAL = ".partial-";
    private static final int FORMAT = 1;

    private final Path root;

    /** The checkpoints under {@code runDir/checkpoints}. */
    public Checkpoints(Path runDir) {
        this.root = runDir.resolve("checkpoints");
    }

    public Path root() {
        return root;
    }

    /** The directory name of the checkpoint after {@code step} steps. */
    public static String name(int step) {
        return String.format("step-%06d", step);
    }

    /** Saves {@code state} atomically and returns the checkpoint directory. */
    public Path save(TrainerState state, ModelWriter model) throws IOException {
        Files.createDirectories(root);
        removePartials();
        Path target = root.resolve(name(state.step()));
        Path partial = root.resolve(PARTIAL + name(state.step()) + "-" + System.nanoTime());
        Files.createDirectory(partial);
        model.write(partial, state.actor().theta());
        List<NamedTensor> tensors = new ArrayList<>(tensors("", state.actor()));
        state.critic().ifPresent(c -> tensors.addAll(tensors("critic_", c)));
        SafetensorsWriter.write(partial.resolve(OPTIMIZER), tensors, Map.of("format", "verl4j-trainer-" + FORMAT));
        byte[] json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(stateJson(state));
        AtomicFile.write(partial.resolve(STATE), out -> out.write(json));             // written last
        if (Files.exists(target)) {                                                   // a resumed run passing an old save
            Path old = root.resolve(PARTIAL + "old-" + name(state.step()) + "-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } else {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }

    /** The latest complete checkpoint, if any. */
    public Optional<Path> latest() throws IOException {
        if (!Files.isDirectory(root)) return Optional.empty();
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> d.getFileName().toString().matches("step-\\d{6}") && Files.isRegularFile(d.resolve(STATE)))
                    .max(Comparator.comparing(d -> d.getFileName().toString()));
        }
    }

    /** A checkpoint directory, or the latest checkpoint of a run directory. */
    public static Path resolve(Path dirOrRun) throws IOException {
        if (Files.isRegularFile(dirOrRun.resolve(STATE))) return dirOrRun;
        return new Checkpoints(dirOrRun).latest().orElseThrow(() -> new IllegalArgumentException(
                dirOrRun + " is neither a checkpoint (no " + STATE + ") nor a run directory with checkpoints"));
    }

    /** Reads a checkpoint directory. */
    public static TrainerState load(Path dir) throws IOException {
        Path stateFile = dir.resolve(STATE);
        if (!Files.isRegularFile(stateFile)) throw new IllegalArgumentException(dir + " is not a checkpoint: no " + STATE);
        JsonNode s = new ObjectMapper().readTree(stateFile.toFile());
        if (s.path("format").asInt() != FORMAT)
            throw new IllegalArgumentException(stateFile + ": unknown format " + s.path("format") + " (expected " + FORMAT + ")");
        ArrayNode c = (ArrayNode) s.get("controller");
        double[] controller = new double[c.size()];
        for (int i = 0; i < controller.length; i++) controller[i] = c.get(i).asDouble();
        try (SafetensorsFile f = SafetensorsFile.open(dir.resolve(OPTIMIZER))) {
            TrainStep.State actor = read(f, "", s.get("optimizer_steps").asLong());
            Optional<TrainStep.State> critic = s.has("critic_optimizer_steps")
                    ? Optional.of(read(f, "critic_", s.get("critic_optimizer_steps").asLong())) : Optional.empty();
            return new TrainerState(s.get("step").asInt(), s.get("data_cursor").asLong(),
                    ControllerState.fromArray(controller), actor, critic);
        }
    }

    private static ObjectNode stateJson(TrainerState state) {
        ObjectNode s = new ObjectMapper().createObjectNode();
        s.put("format", FORMAT);
        s.put("step", state.step());
        s.put("data_cursor", state.dataCursor());
        s.put("optimizer_steps", state.actor().steps());
        state.critic().ifPresent(c -> s.put("critic_optimizer_steps", c.steps()));
        ArrayNode c = s.putArray("controller");
        for (double x : state.controller().toArray()) c.add(x);                    // doubles round-trip exactly in JSON
        return s;
    }

    private static List<NamedTensor> tensors(String prefix, TrainStep.State o) {
        long[] shape = {o.theta().length};
        return List.of(NamedTensor.ofDoubles(prefix + "theta", DType.F64, shape, o.theta()),
                NamedTensor.ofDoubles(prefix + "adam_m", DType.F64, shape, o.m()),
                NamedTensor.ofDoubles(prefix + "adam_v", DType.F64, shape, o.v()));
    }

    private static TrainStep.State read(SafetensorsFile f, String prefix, long t) throws IOException {
        return new TrainStep.State(f.readDoubles(prefix + "theta"), f.readDoubles(prefix + "adam_m"),
                f.readDoubles(prefix + "adam_v"), t);
    }

    private void removePartials() throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : (Iterable<Path>) dirs::iterator)
                if (d.getFileName().toString().startsWith(PARTIAL)) deleteTree(d);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }
}
