package org.verl4j.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class DeviceTest {

    @Test
    void parsesCpuCudaAndCudaN() {
        assertThat(Device.parse("cpu")).isEqualTo(Device.CPU);
        assertThat(Device.parse("CUDA")).isEqualTo(new Device(Device.Kind.CUDA, 0));
        assertThat(Device.parse("cuda:3")).isEqualTo(new Device(Device.Kind.CUDA, 3));
        assertThat(Device.parse("cuda:3")).hasToString("cuda:3");
    }

    @Test
    void rejectsAnythingElseNamingIt() {
        for (String bad : new String[]{"gpu", "cuda:", "cuda:-1", "cuda:x", "cpu:1"})
            assertThatThrownBy(() -> Device.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Device.parse("tpu")).hasMessageContaining("\"tpu\"").hasMessageContaining("cuda:N");
    }

    @Test
    void cpuRunnerOptionsCarryTheThreadCount() {
        assertThat(Device.CPU.runnerOptions(2).intraOpThreads()).isEqualTo(2);
        assertThat(Device.CPU.runnerOptions(2).cudaDevice()).isEqualTo(-1);
    }

    @Test
    void cudaWithoutACudaBuildIsAClearMessageNotACrash() {
        OrtEnvironment.getEnvironment();
        assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA), "this ONNX Runtime has CUDA");
        assertThatThrownBy(() -> Device.parse("cuda:0").runnerOptions(1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("-Pgpu");
    }
}
