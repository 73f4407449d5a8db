package org.verl4j.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Outputs onto things that are not regular files, and temporaries left by a crash (issue 11). */
class AtomicFileSpecialTargetsTest {

    @TempDir
    Path dir;

    private static boolean isOther(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
    }

    @Test
    void aFifoIsWrittenThroughAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("pipe");
        int rc = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        assumeTrue(rc == 0, "mkfifo unavailable: cannot make a FIFO to test with");
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        AtomicFile.writeText(fifo, w -> w.write("through the pipe\n"));
        assertThat(new String(reader.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo("through the pipe\n");
        assertThat(isOther(fifo)).as("still a FIFO, not replaced by a regular file").isTrue();
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(fifo);
        }
    }

    /**
     * A character device node of this test's own, made in its temporary directory with {@code mknod} (root only), so
     * the test writes through a path it created rather than through the machine's /dev entries: major 1, minor 3 is
     * the null device, minor 7 the full device (Linux's mem driver).
     */
    private Path ownDevice(String name, int minor) throws Exception {
        Path node = dir.resolve(name);
        int rc = new ProcessBuilder("mknod", node.toString(), "c", "1", Integer.toString(minor))
                .redirectErrorStream(true).start().waitFor();
        assumeTrue(rc == 0 && Files.exists(node) && isOther(node),
                "mknod unavailable (not root, or devices not allowed here): cannot make a device node to test with");
        return node;
    }

    @Test
    void aNullDeviceIsWrittenThroughAndStaysADevice() throws Exception {
        Path devNull = ownDevice("null", 3);
        AtomicFile.writeText(devNull, w -> w.write("discarded\n"));
        assertThat(isOther(devNull)).isTrue();
        assertThat(Files.size(devNull)).isZero();
        try (var listing = Files.list(dir)) {
            assertThat(listing).as("no temporary left beside the device").containsExactly(devNull);
        }
    }

    @Test
    void aFullDeviceReportsTheFailedWriteAndStaysADevice() throws Exception {
        Path devFull = ownDevice("full", 7);
        assertThatThrownBy(() -> AtomicFile.write(devFull, out -> out.write(new byte[1 << 17])))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(devFull.toString()).hasMessageContaining("special file");
        assertThat(isOther(devFull)).isTrue();
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws IOException {
        Path real = Files.writeString(dir.resolve("real.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real);
        AtomicFile.writeText(link, w -> w.write("new"));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
    }

    @Test
    void aDirectoryOrAFileInThePathIsNamed() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertThatThrownBy(() -> AtomicFile.writeText(sub, w -> w.write("x")))
                .hasMessageContaining("sub").hasMessageContaining("is a directory");
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> AtomicFile.writeText(file.resolve("deeper/out.txt"), w -> w.write("x")))
                .hasMessageContaining("plain is a file, not a directory");
    }

    @Test
    void temporariesOfDeadProcessesAreSweptOthersKept() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long deadPid = gone.pid();
        assumeTrue(ProcessHandle.of(deadPid).isEmpty(), "pid " + deadPid + " was reused at once");
        Path target = dir.resolve("out.jsonl");
        Path stale = Files.writeString(dir.resolve(".out.jsonl." + deadPid + ".1a2b.tmp"), "partial");
        Path live = Files.writeString(dir.resolve(".out.jsonl." + ProcessHandle.current().pid() + ".3c.tmp"), "busy");
        Path foreign = Files.writeString(dir.resolve(".out.jsonl.notes.tmp"), "someone else's");
        Path otherTarget = Files.writeString(dir.resolve(".other.jsonl." + deadPid + ".1.tmp"), "not ours to judge now");
        AtomicFile.writeText(target, w -> w.write("done\n"));
        assertThat(stale).doesNotExist();
        assertThat(live).exists();
        assertThat(foreign).exists();
        assertThat(otherTarget).exists();
        assertThat(Files.readString(target)).isEqualTo("done\n");
    }

    @Test
    void temporaryNamesCarryThisProcessId() {
        String name = StaleTemporaries.name("x.npy");
        assertThat(StaleTemporaries.pidOf(name, ".x.npy.")).contains(ProcessHandle.current().pid());
        assertThat(StaleTemporaries.pidOf(".x.npy.12.zz.tmp", ".x.npy.")).isEmpty();
    }
}
