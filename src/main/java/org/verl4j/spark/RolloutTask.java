package org.verl4j.spark;

import org.apache.hadoop.conf.Configuration;
import org.verl4j.rollout.Prompt;
import org.verl4j.rollout.Rollout;
import org.verl4j.rollout.RolloutEngine;
import org.verl4j.rollout.SamplingConfig;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The executor side of {@link SparkRollouts#generate}: one slice of prompts in, their n rollouts each out, generated
 * by this JVM's engine ({@link ExecutorEngines}) after it has taken the policy the task names — the engine keeps the
 * tag of the policy it holds, and uploads the broadcast θ only when the tag differs (once per step per JVM). The slice
 * is padded to the whole step's prompt width, so its rollouts are the bits the local engine gives for the whole step.
 */
final class RolloutTask {

    /** Which policy an engine holds: a source (one training run) and its {@code setPolicy} count. */
    record PolicyTag(String source, int version) implements Serializable {
    }

    /** Each engine's policy, read and written under the engine's lock ({@link ExecutorEngines#use}). */
    private static final Map<RolloutEngine, PolicyTag> POLICIES = Collections.synchronizedMap(new WeakHashMap<>());

    private RolloutTask() {
    }

    /**
     * @param theta the policy of {@code tag}, flat float θ ({@code DecoderForward.layout} order); read only when
     *              this JVM's engine holds another policy
     */
    static SliceOutcome<RolloutWire> run(Slice<Prompt> slice, int width, EngineSpec spec, PolicyTag tag, ThetaSupplier theta,
                                         SamplingConfig sampling, Configuration conf) {
        return SliceOutcome.run(slice, spec, conf, engine -> {
            if (!tag.equals(POLICIES.get(engine))) {
                engine.setPolicy(theta.get());
                POLICIES.put(engine, tag);
            }
            List<Rollout> rollouts = engine.generate(slice.items(), sampling, width);       // the whole step's bits
            List<RolloutWire> wires = new ArrayList<>(rollouts.size());
            for (Rollout r : rollouts) wires.add(RolloutWire.of(r));
            return wires;
        });
    }

    /** θ as the task reads it (a broadcast's value on a cluster). */
    @FunctionalInterface
    interface ThetaSupplier extends Serializable {
        float[] get();
    }
}
