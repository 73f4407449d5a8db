package org.verl4j.commandline;

import org.junit.jupiter.api.Test;
import org.verl4j.model.Device;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceOptionsTest {

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        DeviceOptions device;

        @Override
        public void run() {
        }
    }

    @Test
    void cpuWithTwoThreadsIsTheDefault() {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs();
        assertThat(probe.device.device()).isEqualTo(Device.CPU);
        assertThat(probe.device.runnerOptions().intraOpThreads()).isEqualTo(2);
    }

    @Test
    void parsesCudaWithAnIndexAndThreads() {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs("--device", "cuda:1", "--threads", "4");
        assertThat(probe.device.device()).isEqualTo(new Device(Device.Kind.CUDA, 1));
        assertThat(probe.device.threads).isEqualTo(4);
    }

    @Test
    void anUnknownDeviceIsAUsageErrorNamingIt() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Probe());
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("--device", "tpu")).isEqualTo(2);
        assertThat(err.toString()).contains("tpu").contains("cuda:N");
    }
}
