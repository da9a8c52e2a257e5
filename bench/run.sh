#!/usr/bin/env bash
# Whole-process benchmark of `scanwatch hunt` against peer implementations of the same detection.
#
# Generates an EKS-like audit log with bench/gen_audit_log.py. Then runs scanwatch and each peer
# in turn, BENCH_RUNS times over the same file with the page cache warm. Prints median wall time,
# CPU time (user + sys), peak RSS (from /usr/bin/time -v) and the ratio scanwatch/peer.
# It also times gzip input against `gzip -dc`, scanwatch with -Xmx256m, and the CloudWatch export
# and filter-log-events shapes. It times the same detection run from its ESCU file (the search
# language engine) and the robust detection against the built-in one. It samples scanwatch's
# peak anonymous memory and checks that the rows of every run agree by (src_ip, user, group)
# and count.
#
# Usage: bench/run.sh [--smoke]
#   --smoke            a quick check of the harness: BENCH_MIB=16 and BENCH_RUNS=2 unless set
# Environment:
#   BENCH_MIB          size of the generated NDJSON log in MiB (default 1024)
#   BENCH_RUNS         timed runs of each command (default 5); the table shows medians
#   BENCH_DIR          work folder for data and results (default /tmp/scanwatch-bench); data
#                      files already there are reused
#   BENCH_PEERS        peers to run, from: duckdb jq python grep (default: all four)
#   BENCH_SHAPES       1 to also time the cloudwatch-export and filter-log-events shapes (default 1)
#   BENCH_LAUNCHER     1 to start scanwatch as the ./scanwatch launcher does, with its class-data
#                      archive and JVM options (default 1); 0 to time plain `java -jar`
#   SCANWATCH_JAR      the scanwatch jar (default scanwatch-cli/target/scanwatch.jar, built
#                      with Maven when missing)
#   JAVA               the java command (default java)
# Needs: bash, java 17+, Maven (to build the jar and fetch the DuckDB driver), python3, jq, gzip
# and GNU time at /usr/bin/time (Debian package `time`). The exit status is 1 when a command
# fails or the rows disagree.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$repo/bench"

if [[ "${1:-}" == "--smoke" ]]; then
  : "${BENCH_MIB:=16}" "${BENCH_RUNS:=2}"
  shift
fi
if [[ $# -gt 0 ]]; then
  echo "usage: bench/run.sh [--smoke]; set BENCH_MIB, BENCH_RUNS, BENCH_DIR, BENCH_PEERS" >&2
  exit 2
fi
mib="${BENCH_MIB:-1024}"
runs="${BENCH_RUNS:-5}"
dir="${BENCH_DIR:-/tmp/scanwatch-bench}"
peers="${BENCH_PEERS:-duckdb jq python grep}"
shapes="${BENCH_SHAPES:-1}"
launcher="${BENCH_LAUNCHER:-1}"
jar="${SCANWATCH_JAR:-$repo/scanwatch-cli/target/scanwatch.jar}"
java_cmd="${JAVA:-java}"
duckdb_version="1.4.4.0"
duckdb_jar="$HOME/.m2/repository/org/duckdb/duckdb_jdbc/$duckdb_version/duckdb_jdbc-$duckdb_version.jar"
peer_classes="${XDG_CACHE_HOME:-$HOME/.cache}/scanwatch-bench/peers"

if ! [[ "$mib" =~ ^[0-9]+$ && "$mib" -gt 0 ]]; then
  echo "run.sh: invalid BENCH_MIB '$mib': expected a whole number of MiB, such as 1024" >&2
  exit 2
fi
if ! [[ "$runs" =~ ^[0-9]+$ && "$runs" -gt 0 ]]; then
  echo "run.sh: invalid BENCH_RUNS '$runs': expected a whole number above 0, such as 5" >&2
  exit 2
fi
for peer in $peers; do
  case "$peer" in
    duckdb | jq | python | grep) ;;
    *) echo "run.sh: unknown peer '$peer' in BENCH_PEERS; use duckdb, jq, python or grep" >&2
       exit 2 ;;
  esac
done
for tool in "$java_cmd" python3 jq gzip /usr/bin/time; do
  if ! command -v "$tool" >/dev/null; then
    echo "run.sh: '$tool' not found; install it (GNU time is the Debian package 'time')" >&2
    exit 2
  fi
done

mkdir -p "$dir"
results="$dir/results-${mib}mib"
rm -rf "$results"
mkdir -p "$results/out"
failed=0

# ---------------------------------------------------------------------------------------------
# Inputs and programs

generate() { # generate FORMAT FILE SIZE_OPTION SIZE
  local format="$1" file="$2"
  if [[ -s "$file" ]]; then
    echo "data: reusing $file"
    return
  fi
  echo "data: writing $file ($format, $3 $4)"
  python3 "$bench/gen_audit_log.py" "$3" "$4" --format "$format" -o "$file.tmp"
  mv "$file.tmp" "$file"
}

ndjson="$dir/audit-${mib}mib.ndjson"
generate ndjson "$ndjson" --mib "$mib"
# The other shapes wrap the same events, so every run must report the same rows.
event_count=$(wc -l <"$ndjson")
if [[ ! -s "$ndjson.gz" ]]; then
  echo "data: writing $ndjson.gz (gzip -6)"
  gzip -6 -c "$ndjson" >"$ndjson.gz.tmp"
  mv "$ndjson.gz.tmp" "$ndjson.gz"
fi
if [[ "$shapes" == 1 ]]; then
  export_file="$dir/audit-${mib}mib.cloudwatch-export.txt"
  events_file="$dir/audit-${mib}mib.filter-log-events.json"
  generate cloudwatch-export "$export_file" --events "$event_count"
  generate filter-log-events "$events_file" --events "$event_count"
fi

if [[ ! -f "$jar" ]]; then
  echo "build: $jar is missing; building it with Maven"
  (cd "$repo" && mvn -q -B -DskipTests -pl scanwatch-cli -am package)
fi

if [[ " $peers " == *" duckdb "* ]]; then
  if [[ ! -f "$duckdb_jar" ]]; then
    echo "peer: fetching org.duckdb:duckdb_jdbc:$duckdb_version with Maven"
    mvn -q -B dependency:get -Dartifact="org.duckdb:duckdb_jdbc:$duckdb_version"
  fi
  # Compiled once, so the timed runs measure the query and not javac.
  if [[ ! -f "$peer_classes/ScanDetectDuckDb.class" \
      || "$bench/peers/ScanDetectDuckDb.java" -nt "$peer_classes/ScanDetectDuckDb.class" ]]; then
    mkdir -p "$peer_classes"
    javac -d "$peer_classes" -cp "$duckdb_jar" "$bench/peers/ScanDetectDuckDb.java"
  fi
fi

# ---------------------------------------------------------------------------------------------
# Commands: one entry each, "name<TAB>command". The name keys the results, and NAME.bytes
# records the uncompressed input size for the MiB/s column.

java_scanwatch="$java_cmd"
if [[ "$launcher" == 1 ]]; then
  archive="$dir/scanwatch.jsa"
  echo "build: writing the class-data archive $archive"
  "$repo/scanwatch-cli/class-archive.sh" "$jar" "$archive" "$repo/samples/eks-firehose-sample.gz" \
    "$java_cmd"
  java_scanwatch="$java_cmd -XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off"
  java_scanwatch="$java_scanwatch $(cat "$repo/scanwatch-cli/jvm-options")"
fi
# The detection as Splunk publishes it when ../shared is beside the repository, else the bundled
# file of the same search.
detection_file="$repo/../shared/spec/escu/detections/amazon_eks_kubernetes_cluster_scan_detection.yml"
if [[ ! -f "$detection_file" ]]; then
  rm -rf "$dir/detections"
  $java_scanwatch -jar "$jar" detections export "$dir/detections" >/dev/null
  detection_file="$dir/detections/eks_anonymous_cluster_scan.yml"
fi

scanwatch="$java_scanwatch -jar $jar hunt --format ndjson"
cases=()
add_case() { # add_case NAME UNCOMPRESSED_INPUT COMMAND
  cases+=("$1"$'\t'"$3")
  stat -c %s "$2" >"$results/$1.bytes"
}
add_case scanwatch "$ndjson" "$scanwatch $ndjson"
for peer in $peers; do
  case "$peer" in
    duckdb) add_case duckdb "$ndjson" \
              "$java_cmd -cp $duckdb_jar:$peer_classes ScanDetectDuckDb $ndjson" ;;
    jq) add_case jq "$ndjson" "jq -n -r -f $bench/peers/scan_detect.jq $ndjson" ;;
    python) add_case python "$ndjson" "python3 $bench/peers/scan_detect.py $ndjson" ;;
    grep) add_case grep "$ndjson" "grep -c -F system:anonymous $ndjson" ;;
  esac
done
add_case scanwatch-gzip "$ndjson" "$scanwatch $ndjson.gz"
add_case gzip-dc "$ndjson" "gzip -dc $ndjson.gz"
add_case scanwatch-xmx256m "$ndjson" "$java_scanwatch -Xmx256m -jar $jar hunt --format ndjson $ndjson"
add_case scanwatch-escu "$ndjson" "$scanwatch --detection $detection_file $ndjson"
# The robust detection reports per source address, so its rows are not compared with the others.
add_case scanwatch-robust "$ndjson" "$scanwatch --detection robust $ndjson"
if [[ "$shapes" == 1 ]]; then
  add_case scanwatch-cloudwatch-export "$export_file" "$scanwatch $export_file"
  add_case scanwatch-filter-log-events "$events_file" "$scanwatch $events_file"
fi

# ---------------------------------------------------------------------------------------------
# Measurement

measure() { # measure NAME RUN COMMAND: appends "wall cpu rss_kib" to $results/NAME.tsv
  local name="$1" run="$2" command="$3" start end status=0
  local out="$results/out/$name.out" err="$results/out/$name.err" timing="$results/out/$name.time"
  if [[ "$name" == gzip-dc ]]; then out=/dev/null; fi
  start=$(date +%s%N)
  # Word splitting of $command is intended: every path in it is free of spaces.
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$timing" $command >"$out" 2>"$err" || status=$?
  end=$(date +%s%N)
  # grep -c exits with 1 when it counts no line; that is a result, not a failure.
  if [[ $status -ne 0 && ! ( "$name" == grep && $status -eq 1 ) ]]; then
    echo "FAILED: $name exited with $status; see $err" >&2
    tail -n 5 "$err" >&2
    failed=1
    return
  fi
  awk -v wall="$(( (end - start) / 1000000 ))" '
    /User time \(seconds\)/ { user = $NF }
    /System time \(seconds\)/ { sys = $NF }
    /Maximum resident set size/ { rss = $NF }
    END { printf "%.3f\t%.2f\t%d\n", wall / 1000, user + sys, rss }' "$timing" \
    >>"$results/$name.tsv"
  printf '  run %d %-28s %6.2f s\n' "$run" "$name" "$(( (end - start) / 1000000 ))e-3"
}

echo "warm-up: reading the inputs into the page cache"
cat "$dir"/audit-"${mib}"mib.* >/dev/null

echo "timing: $runs runs of ${#cases[@]} commands, in turn"
for ((run = 1; run <= runs; run++)); do
  for entry in "${cases[@]}"; do
    measure "${entry%%$'\t'*}" "$run" "${entry#*$'\t'}"
  done
done

# Peak anonymous memory is RssAnon: heap, GC structures and thread stacks, but no mapped files.
# It is sampled from /proc every 20 ms during one extra run, so sampling never slows a timed run.
# NOTE: a peak shorter than the sampling interval can be missed.
peak_anonymous_mib() { # peak_anonymous_mib COMMAND...
  local pid peak=0 kib
  "$@" >/dev/null 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    kib=$(awk '/^RssAnon:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
    if [[ -n "$kib" && "$kib" -gt "$peak" ]]; then peak=$kib; fi
    sleep 0.02
  done
  wait "$pid" || true
  echo $(( peak / 1024 ))
}
echo "memory: sampling RssAnon of one extra run each"
# shellcheck disable=SC2086
anon_default=$(peak_anonymous_mib $java_scanwatch -jar "$jar" hunt --format ndjson "$ndjson")
# shellcheck disable=SC2086
anon_256=$(peak_anonymous_mib $java_scanwatch -Xmx256m -jar "$jar" hunt --format ndjson "$ndjson")

# ---------------------------------------------------------------------------------------------
# Agreement of rows, by key and count

key_count_rows_scanwatch() { # NDJSON rows of scanwatch -> sorted "ip<TAB>user<TAB>group<TAB>count"
  jq -r '[.src_ip, ."user.username", ."user.groups{}", (.count | tostring)] | join("\t")' "$1" \
    | LC_ALL=C sort
}
key_count_rows_peer() { cut -f1-4 "$1" | LC_ALL=C sort; }

agreement=()
check_rows() { # check_rows LABEL FILE_A FILE_B
  if [[ ! -f "$2" || ! -f "$3" ]]; then
    agreement+=("$1: not checked, an output is missing")
    failed=1
  elif cmp -s "$2" "$3"; then
    agreement+=("$1: agree ($(wc -l <"$2") rows)")
  else
    agreement+=("$1: DISAGREE; diff $2 $3")
    failed=1
  fi
}
if [[ -f "$results/out/scanwatch.out" ]]; then
  key_count_rows_scanwatch "$results/out/scanwatch.out" >"$results/scanwatch.rows"
  for peer in duckdb jq python; do
    if [[ " $peers " == *" $peer "* && -f "$results/out/$peer.out" ]]; then
      key_count_rows_peer "$results/out/$peer.out" >"$results/$peer.rows"
      check_rows "scanwatch vs $peer" "$results/scanwatch.rows" "$results/$peer.rows"
    fi
  done
  for variant in scanwatch-gzip scanwatch-xmx256m scanwatch-escu scanwatch-cloudwatch-export \
      scanwatch-filter-log-events; do
    if [[ -f "$results/out/$variant.out" ]]; then
      key_count_rows_scanwatch "$results/out/$variant.out" >"$results/$variant.rows"
      check_rows "scanwatch vs $variant" "$results/scanwatch.rows" "$results/$variant.rows"
    fi
  done
fi

# ---------------------------------------------------------------------------------------------
# Report

BENCH_LAUNCHER="$launcher" python3 - "$results" "$mib" "$runs" "$anon_default" "$anon_256" "${agreement[@]}" \
  <<'EOF' | tee "$results/summary.md"
import os
import statistics
import sys

results, mib, runs, anon_default, anon_256 = sys.argv[1:6]
agreement = sys.argv[6:]
mib = int(mib)

def load(name):
    path = os.path.join(results, name + ".tsv")
    if not os.path.exists(path):
        return None
    rows = [line.split("\t") for line in open(path) if line.strip()]
    size_mib = int(open(os.path.join(results, name + ".bytes")).read()) / (1 << 20)
    return {"mib": size_mib,"wall": statistics.median(float(r[0]) for r in rows),
            "cpu": statistics.median(float(r[1]) for r in rows),
            "rss": max(int(r[2]) for r in rows) / 1024,
            "runs": len(rows)}

# Each line: the command, and the pair whose wall times the ratio column divides.
table = [("scanwatch", None), ("duckdb", ("scanwatch", "duckdb")),
         ("jq", ("scanwatch", "jq")), ("python", ("scanwatch", "python")),
         ("grep", ("scanwatch", "grep")), ("scanwatch-gzip", ("scanwatch-gzip", "gzip-dc")),
         ("gzip-dc", None), ("scanwatch-xmx256m", ("scanwatch-xmx256m", "scanwatch")),
         ("scanwatch-escu", ("scanwatch-escu", "scanwatch")),
         ("scanwatch-robust", ("scanwatch-robust", "scanwatch")),
         ("scanwatch-cloudwatch-export", ("scanwatch-cloudwatch-export", "scanwatch")),
         ("scanwatch-filter-log-events", ("scanwatch-filter-log-events", "scanwatch"))]
print("Input: %d MiB of NDJSON audit events, and the same events gzip-compressed and in the "
      "other shapes; median of %s runs. MiB/s is of uncompressed input." % (mib, runs))
print()
print("scanwatch started %s." % ("as the launcher starts it (class-data archive, JVM options)"
      if os.environ.get("BENCH_LAUNCHER") == "1"
      else "as plain `java -jar`, without the launcher's archive and options"))
print()
print("| command | wall s | CPU s | peak RSS MiB | MiB/s | wall ratio |")
print("|---|---:|---:|---:|---:|---|")
for name, pair in table:
    row = load(name)
    if row is None:
        continue
    ratio = ""
    if pair is not None:
        numerator, denominator = load(pair[0]), load(pair[1])
        if numerator is not None and denominator is not None:
            ratio = "%s / %s = %.2f" % (pair[0], pair[1], numerator["wall"] / denominator["wall"])
    print("| %s | %.2f | %.2f | %.0f | %.0f | %s |" % (
        name, row["wall"], row["cpu"], row["rss"], row["mib"] / row["wall"], ratio))
print()
print("Peak RssAnon of scanwatch (one sampled run): %s MiB with the default heap, %s MiB with "
      "-Xmx256m." % (anon_default, anon_256))
print()
print("Rows by (src_ip, user, group) and count:")
for line in agreement:
    print("- " + line)
EOF
echo "results: $results (raw timings in *.tsv, outputs in out/)"
exit "$failed"
