#!/usr/bin/env bash
# Writes a class-data archive of the classes a hunt loads, so that each start of scanwatch maps
# them from the archive instead of loading, parsing and verifying them from the jar.
#
# Three training hunts over a sample record the classes they load: the built-in detections, and
# a detection file that runs in the search language. One archive contains them all, so every kind
# of hunt starts equally fast. Use the archive with
#   java -XX:SharedArchiveFile=ARCHIVE -Xlog:cds=off -jar JAR ...
# It is tied to that JAR and that Java. After either changes, Java ignores it (silently with
# -Xlog:cds=off), so the launcher makes a new one when the jar is newer.
#
# Usage: class-archive.sh JAR ARCHIVE SAMPLE [JAVA]
# The exit status is 1 when the archive could not be written; nothing is left at ARCHIVE then.
set -euo pipefail

if [[ $# -lt 3 || $# -gt 4 ]]; then
  echo "usage: class-archive.sh JAR ARCHIVE SAMPLE [JAVA]" >&2
  exit 2
fi
jar="$(realpath "$1")"
archive="$(realpath -m "$2")"
sample="$(realpath "$3")"
java_cmd="${4:-java}"
work="$(mktemp -d)"
partial="$archive.$$.partial"
trap 'rm -rf "$work" "$partial"' EXIT
rm -f "$archive"
# Crash reports, should Java write any, stay in the work folder.
cd "$work"

train() { # train LIST ARGUMENTS...: one hunt, recording the classes it loads in LIST
  local list="$1"
  shift
  "$java_cmd" -XX:DumpLoadedClassList="$list" -jar "$jar" hunt --progress never "$@" \
    "$sample" >/dev/null 2>&1 || true
}
"$java_cmd" -jar "$jar" detections export "$work/detections" >/dev/null
train parity.classes
train compare.classes --compare
train search.classes --detection "$work/detections/eks_anonymous_cluster_scan.yml"

# Each line once (Java aborts on a list naming a class twice); proxy classes are generated at
# run time and cannot be archived.
awk '!seen[$0]++' parity.classes compare.classes search.classes | grep -v '\$Proxy' >all.classes
# Written aside and then renamed, so that a scanwatch starting meanwhile never maps half of it.
if ! "$java_cmd" -Xshare:dump -XX:SharedClassListFile=all.classes \
    -XX:SharedArchiveFile="$partial" -cp "$jar" >dump.log 2>&1; then
  echo "class-archive.sh: Java could not write the archive:" >&2
  tail -n 5 dump.log >&2
  exit 1
fi
mv -f "$partial" "$archive"
