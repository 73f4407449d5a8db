#!/usr/bin/env bash
# Runs verl4j's four Spark jobs through spark-submit on a throwaway standalone cluster (one master and two
# 1-core workers on 127.0.0.1, so executors are separate JVMs) and compares each with the single-machine command:
#   metrics --global  rows field for field (source/tensor aside), the global line within 2e-10 relative
#   grade             graded lines byte for byte (needs ../shared/data/grader-dev; skipped, saying so, without)
#   eval              results.jsonl, pass_at_k.json, pass_at_k.md byte for byte
#   train             steps.jsonl without time/ fields and the final weights byte for byte (threads=1)
# Needs: SPARK_HOME (a Spark 4.x / Scala 2.13 distribution), Java 17, jq, and target/verl4j.jar
# (mvn -DskipTests package). Writes only under WORK (default target/spark-cluster-check, replaced on each run);
# stops the cluster on exit. Exit 0 when every comparison holds.
#
#   SPARK_HOME=/opt/spark src/test/spark-cluster/check.sh [WORK]
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$PWD
: "${SPARK_HOME:?set SPARK_HOME to a Spark 4.x distribution}"
JAR=$ROOT/target/verl4j.jar
[ -f "$JAR" ] || { echo "check: $JAR missing; run mvn -DskipTests package" >&2; exit 1; }
command -v jq >/dev/null || { echo "check: jq is needed" >&2; exit 1; }
WORK=$(realpath -m "${1:-target/spark-cluster-check}")
PORT=${SPARK_CHECK_PORT:-7077}
MASTER=spark://127.0.0.1:$PORT
export SPARK_LOCAL_IP=127.0.0.1
rm -rf "$WORK" && mkdir -p "$WORK/logs" "$WORK/tmp"
export SPARK_LOCAL_DIRS="$WORK/tmp"                          # Spark's scratch and every JVM's temporary files
export JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$WORK/tmp"        # (ONNX Runtime's native libraries) stay in WORK
VERL4J=(java --add-modules jdk.incubator.vector -jar "$JAR")
SUBMIT=("$SPARK_HOME/bin/spark-submit" --class org.verl4j.spark.SparkMain --master "$MASTER" --executor-memory 1g)
failures=0
pass() { echo "check: PASS $*"; }
fail() { echo "check: FAIL $*"; failures=$((failures + 1)); }

# --- the cluster --------------------------------------------------------------------------------------------------
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
"$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$PORT" --webui-port 0 \
  > "$WORK/logs/master.log" 2>&1 &
pids+=($!)
for i in 1 2; do
  "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.worker.Worker --cores 1 --memory 2g --webui-port 0 \
    --work-dir "$WORK/worker$i" "$MASTER" > "$WORK/logs/worker$i.log" 2>&1 &
  pids+=($!)
done
for _ in $(seq 90); do
  [ "$(grep -c 'Registering worker' "$WORK/logs/master.log" 2>/dev/null || true)" -ge 2 ] && break
  sleep 1
done
[ "$(grep -c 'Registering worker' "$WORK/logs/master.log" || true)" -ge 2 ] \
  || { echo "check: the workers did not register; see $WORK/logs" >&2; exit 1; }
echo "check: cluster up at $MASTER (2 workers)"

# --- inputs: real hidden states of the shipped model ---------------------------------------------------------------
MODEL=$ROOT/models/verl4j-arith-tiny
SPLIT=$ROOT/benchmarks-data/arithmetic-l4
"${VERL4J[@]}" generate --model "$MODEL" --prompts "$SPLIT/test.jsonl" --template chat --n 4 --temperature 1 \
  --max-new-tokens 48 --seed 3 --hidden-states "$WORK/hidden" --out "$WORK/generated.jsonl" 2> "$WORK/logs/generate.log"

# --- metrics --global -------------------------------------------------------------------------------------------------
"${VERL4J[@]}" metrics --global --threads 2 "$WORK"/hidden/*.npy > "$WORK/metrics-cli.jsonl" 2> "$WORK/logs/metrics-cli.log"
"${SUBMIT[@]}" "$JAR" metrics --global --global-partitions 3 --out "file:$WORK/metrics-job" "file:$WORK/hidden" \
  > "$WORK/logs/metrics-job.log" 2>&1
rows() { jq -c 'select(has("global") | not) | {file: (.source | split("/") | last)} + del(.source, .tensor)' | sort; }
rows < "$WORK/metrics-cli.jsonl" > "$WORK/rows-cli.jsonl"
cat "$WORK"/metrics-job/responses.json/part-* | rows > "$WORK/rows-job.jsonl"
if [ -s "$WORK/rows-cli.jsonl" ] && cmp -s "$WORK/rows-cli.jsonl" "$WORK/rows-job.jsonl"; then
  pass "metrics rows ($(wc -l < "$WORK/rows-cli.jsonl") responses)"
else fail "metrics rows differ (or none)"; fi
if jq -n --slurpfile a <(grep '"global"' "$WORK/metrics-cli.jsonl") --slurpfile b "$WORK/metrics-job/global.json" -e '
    def close(x; y): ((x - y) | fabs) <= 2e-10 * ([(x | fabs), (y | fabs), 1e-300] | max);
    ($a[0].global) as $x | ($b[0].global) as $y
    | ([$x | keys[]] == [$y | keys[]])
      and all($x | keys[]; . as $k | if ($x[$k] | type) == "number" then close($x[$k]; $y[$k]) else $x[$k] == $y[$k] end)' > /dev/null
then pass "metrics global line ($(grep -o -- '--global[^;]*' "$WORK/logs/metrics-job.log" | head -1))"
else fail "metrics global line differs beyond 2e-10"; fi

# --- grade ------------------------------------------------------------------------------------------------------------
GRADER_DEV=$ROOT/../shared/data/grader-dev/real_responses.jsonl
if [ -f "$GRADER_DEV" ]; then
  "${VERL4J[@]}" grade --answer-field gt --input "$GRADER_DEV" --out "$WORK/graded-cli.jsonl" 2> "$WORK/logs/grade-cli.log"
  "${SUBMIT[@]}" --deploy-mode cluster "$JAR" grade --answer-field gt --input "file:$GRADER_DEV" --out "file:$WORK/grade-job" \
    > "$WORK/logs/grade-job.log" 2>&1
  for _ in $(seq 120); do [ -f "$WORK/grade-job/graded.jsonl/_SUCCESS" ] && break; sleep 1; done
  if cmp -s "$WORK/graded-cli.jsonl" <(cat "$WORK"/grade-job/graded.jsonl/part-* 2>/dev/null); then
    pass "grade, cluster deploy mode ($(wc -l < "$WORK/graded-cli.jsonl") lines)"
  else fail "grade output differs (or the cluster-mode driver failed: see $WORK/worker*/driver-*/stderr)"; fi
else
  echo "check: SKIP grade: $GRADER_DEV not found (../shared beside the checkout holds grader-dev)"
fi

# --- eval -------------------------------------------------------------------------------------------------------------
EVAL=(--model "$MODEL" --benchmark "$SPLIT" --limit 40 --n 4 --temperature 1 --top-p 1 --max-new-tokens 64
      --template chat --seed 1 --threads 1)
"${VERL4J[@]}" eval "${EVAL[@]}" --out "$WORK/eval-cli" > "$WORK/logs/eval-cli.log" 2>&1
"${SUBMIT[@]}" "$JAR" eval "${EVAL[@]}" --partitions 4 --out "file:$WORK/eval-job" > "$WORK/logs/eval-job.log" 2>&1
same=1
for f in results.jsonl pass_at_k.json pass_at_k.md; do cmp -s "$WORK/eval-cli/$f" "$WORK/eval-job/$f" || same=0; done
if [ $same = 1 ]; then pass "eval files (40 problems × n 4, 4 slices)"; else fail "eval files differ"; fi

# --- train (the rollout phase on executors) --------------------------------------------------------------------------
TRAIN=(--set "model.dir=$MODEL" --set "data.dir=$SPLIT" --set train.steps=3 --set data.eval_problems=16 --set eval.n=4
       --set checkpoint.every=3 --set threads=1)
"${VERL4J[@]}" train "${TRAIN[@]}" --out "$WORK/train-cli" > "$WORK/logs/train-cli.log" 2>&1
"${SUBMIT[@]}" "$JAR" train "${TRAIN[@]}" --partitions 2 --out "$WORK/train-job" > "$WORK/logs/train-job.log" 2>&1
steps() { jq -c 'with_entries(select(.key | startswith("time/") | not))' "$1/steps.jsonl"; }
steps "$WORK/train-cli" > "$WORK/steps-cli.jsonl"
steps "$WORK/train-job" > "$WORK/steps-job.jsonl"
if [ -s "$WORK/steps-cli.jsonl" ] && cmp -s "$WORK/steps-cli.jsonl" "$WORK/steps-job.jsonl" \
   && cmp -s "$WORK/train-cli/initial_eval.json" "$WORK/train-job/initial_eval.json" \
   && cmp -s "$WORK/train-cli/checkpoints/step-000003/model.safetensors" "$WORK/train-job/checkpoints/step-000003/model.safetensors"
then pass "train (3 steps, 2 slices): steps.jsonl, initial_eval.json, final weights"
else fail "train differs"; fi

echo "check: $failures failure(s); logs and outputs in $WORK"
exit $((failures > 0))
