package org.verl4j.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.verl4j.rank.RankDynamics;
import org.verl4j.rank.WindowPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A response's row in the metrics job's output: the fields of a {@code verl4j metrics} JSON line, same names,
 * same values (ALGORITHM.md §2–§3), as a Spark row for JSON Lines and Parquet. {@code tensor} is null for .npy inputs
 * (the CLI omits it); undefined window velocities/accelerations (empty in {@link WindowPoint}) are null, as in
 * the CLI.
 */
final class MetricsRows {

    /** The columns of a row: the CLI's default fields, or with the per-window series ({@code --windows}). */
    enum Columns { PLAIN, WITH_WINDOWS }

    private static final StructType WINDOW = new StructType(new StructField[]{
            DataTypes.createStructField("end", DataTypes.IntegerType, false),
            DataTypes.createStructField("er", DataTypes.DoubleType, false),
            DataTypes.createStructField("v", DataTypes.DoubleType, true),
            DataTypes.createStructField("a", DataTypes.DoubleType, true)});

    private MetricsRows() {
    }

    static StructType schema(Columns columns) {
        List<StructField> f = new ArrayList<>(List.of(
                DataTypes.createStructField("source", DataTypes.StringType, false),
                DataTypes.createStructField("index", DataTypes.IntegerType, false),
                DataTypes.createStructField("tensor", DataTypes.StringType, true),
                DataTypes.createStructField("T", DataTypes.IntegerType, false),
                DataTypes.createStructField("d", DataTypes.IntegerType, false),
                DataTypes.createStructField("er", DataTypes.DoubleType, false),
                DataTypes.createStructField("log_er", DataTypes.DoubleType, false),
                DataTypes.createStructField("traditional_rank", DataTypes.IntegerType, false),
                DataTypes.createStructField("erv", DataTypes.DoubleType, false),
                DataTypes.createStructField("era", DataTypes.DoubleType, false),
                DataTypes.createStructField("erv_measured", DataTypes.BooleanType, false),
                DataTypes.createStructField("era_measured", DataTypes.BooleanType, false)));
        if (columns == Columns.WITH_WINDOWS)
            f.add(DataTypes.createStructField("windows", DataTypes.createArrayType(WINDOW, false), false));
        return new StructType(f.toArray(StructField[]::new));
    }

    /** The row of response {@code index} (tensor {@code tensor}, or null) of {@code source}, of shape T×d. */
    static Row row(Columns columns, String source, int index, String tensor, int rows, int cols, RankDynamics r) {
        List<Object> v = new ArrayList<>(List.of(source, index));
        v.add(tensor);
        v.addAll(List.of(rows, cols, r.er(), r.logEr(), r.traditionalRank(), r.erv(), r.era(), r.ervMeasured(), r.eraMeasured()));
        if (columns == Columns.WITH_WINDOWS) v.add(windows(r.windows()));
        return RowFactory.create(v.toArray());
    }

    /** The window series as a Java array (Spark's row encoder takes arrays and Scala sequences, not Java lists). */
    private static Row[] windows(List<WindowPoint> points) {
        Row[] rows = new Row[points.size()];
        for (int k = 0; k < rows.length; k++) {
            WindowPoint w = points.get(k);
            rows[k] = RowFactory.create(w.end(), w.er(), orNull(w.velocity()), orNull(w.acceleration()));
        }
        return rows;
    }

    private static Double orNull(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
