package org.verl4j.spark;

/** How a job writes its rows: Spark's JSON Lines writer (one part file per partition) or Parquet. */
enum OutputFormat {
    JSON("json"), PARQUET("parquet");

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    /** The directory under the job's output that holds the part files, e.g. {@code responses.json}. */
    String directory(String stem) {
        return stem + "." + extension;
    }
}
