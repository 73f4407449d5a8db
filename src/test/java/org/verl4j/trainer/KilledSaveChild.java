package org.verl4j.trainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process {@link CheckpointsTest} kills: saves step 1, then starts saving step 2, writes part of the model,
 * prints {@value #HALF_WAY} and waits to be killed.
 */
final class KilledSaveChild {

    static final String HALF_WAY = "half-way";
    static final long SEED = 42;

    public static void main(String[] args) throws Exception {
        Checkpoints cps = new Checkpoints(Path.of(args[0]));
        cps.save(CheckpointsTest.state(1, SEED), CheckpointsTest::model);
        cps.save(CheckpointsTest.state(2, SEED + 1), (dir, theta) -> {
            Files.write(dir.resolve("model.safetensors"), new byte[1 << 16]);
            System.out.println(HALF_WAY);
            System.out.flush();
            sleepForever();
        });
    }

    private static void sleepForever() throws IOException {
        try {
            Thread.sleep(120_000);
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        throw new IOException("not killed within two minutes");
    }
}
