package org.verl4j.sft;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verl4j.model.ModelConfig;
import org.verl4j.model.WeightLayout;

/**
 * The resolved settings of an SFT run as the JSON object {@code sft.json} starts with (and the first line the run
 * prints): the data, the start, the model, the optimisation and the machine, in that order.
 */
final class SftSettings {

    private SftSettings() {
    }

    static ObjectNode of(SftPlan plan, ModelConfig model, int examples) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        if (plan.data() instanceof SftPlan.FromFile f) o.put("train", f.train().toString());
        else {
            SftPlan.Generated g = (SftPlan.Generated) plan.data();
            o.put("task", g.task());
            o.put("level", g.level());
            o.put("problems", g.problems());
            o.put("data_seed", g.dataSeed());
        }
        o.put("examples", examples);
        plan.exclude().forEach(f -> o.withArray("exclude").add(f.toString()));
        if (plan.start() instanceof SftPlan.FromModel m) o.put("init", m.dir().toString());
        else o.put("init_seed", ((SftPlan.Fresh) plan.start()).seed());
        o.set("model", model.toJson());
        o.put("parameters", WeightLayout.parameterCount(model));
        SftConfig c = plan.config();
        o.put("steps", c.steps());
        o.put("batch", c.batchSize());
        o.put("lr", c.optimizer().lr());
        o.put("beta1", c.optimizer().beta1());
        o.put("beta2", c.optimizer().beta2());
        o.put("weight_decay", c.optimizer().weightDecay());
        o.put("max_grad_norm", c.optimizer().maxGradNorm());
        o.put("aggregation", c.aggregation().name());
        o.put("seed", c.seed());
        o.put("device", plan.device().toString());
        o.put("threads", plan.threads());
        return o;
    }
}
