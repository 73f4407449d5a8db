package org.verl4j.spark;

import org.apache.hadoop.conf.Configuration;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * The driver's Hadoop configuration (file-system settings, credentials providers) shipped to executors:
 * {@link Configuration} is a Hadoop {@code Writable} but not {@code Serializable}, so it travels as its bytes.
 */
record HadoopConf(byte[] bytes) implements Serializable {

    static HadoopConf of(Configuration conf) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            conf.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HadoopConf(buffer.toByteArray());
    }

    Configuration configuration() {
        Configuration conf = new Configuration(false);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            conf.readFields(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return conf;
    }
}
