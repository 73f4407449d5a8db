package org.verl4j.spark;

import org.apache.hadoop.fs.RawLocalFileSystem;

import java.net.URI;

/**
 * The local disk under another scheme, {@code other:/abs/path}: a stand-in for a remote file system (HDFS, S3), so a
 * test can take the code path that copies a non-{@code file:} path to local disk without a cluster. Registered with
 * {@code fs.other.impl} in the session's Hadoop configuration.
 */
public final class OtherSchemeFileSystem extends RawLocalFileSystem {

    static final String SCHEME = "other";

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }
}
