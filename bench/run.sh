#!/usr/bin/env bash
# The figures of issue #10 in one command: every workload beside its baseline, in one run, written
# to BENCHMARKS.md and benchmarks.json. Usage: bench/run.sh [--smoke] [--only GROUP] [--out DIR]
#   --smoke  every workload sized down to seconds (what CI runs, through FiguresSmokeIT)
#   --only   one group of workloads (backlog, idle or many), to re-measure a change; its report
#            holds that group's rows only, so give it an --out of its own
#   --out    where the two files go: default the repository's root (full) or
#            bench/target/figures-smoke (smoke); logs, configs and profiles go to
#            bench/target/figures-<mode>/
# Builds worker/target/sqlfeed.jar and bench/target/benchmarks.jar first when they are missing or
# older than the sources (SQLFEED_MAVEN_ARGS passes options to that build, e.g. -o). Needs the
# local PostgreSQL (SQLFEED_TEST_PG_*); SQLFEED_JAVA_OPTS passes JVM options to every sqlfeed
# process it starts. The full run takes about 35 minutes on a 2-core machine: run it in the
# background on a quiet machine.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
worker_jar="$root/worker/target/sqlfeed.jar"
bench_jar="$root/bench/target/benchmarks.jar"
mode=full
out=""
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --smoke) mode=smoke; args+=(--smoke); shift ;;
    --only) args+=(--only "$2"); shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: bench/run.sh [--smoke] [--only GROUP] [--out DIR]" >&2; exit 2 ;;
  esac
done
if [[ -z "$out" ]]; then
  if [[ "$mode" == smoke ]]; then out="$root/bench/target/figures-smoke"; else out="$root"; fi
fi

# A jar is stale when missing or older than a source it is built from (the CLI's: all but bench).
stale() {
  [[ ! -f "$1" ]] && return 0
  [[ -n "$(find "$root" \( -name target -o -name .git -o -path "$2" \) -prune -o \
    \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$1" -print -quit)" ]]
}
if stale "$worker_jar" "$root/bench" || stale "$bench_jar" "$root/.git"; then
  echo "bench/run.sh: building the CLI and bench jars ..." >&2
  # shellcheck disable=SC2086
  (cd "$root" && ./mvnw -q -B ${SQLFEED_MAVEN_ARGS:-} package -pl worker,bench -am -DskipTests) >&2
fi

mkdir -p "$out"
cd "$root"
exec java -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true \
  "-Dsqlfeed.figures.command=bench/run.sh ${args[*]:-}${out:+ --out $out}" \
  -cp "$bench_jar" dev.sqlfeed.bench.figures.FiguresRun "${args[@]}" \
  --out "$out" --work "$root/bench/target/figures-$mode" --jar "$worker_jar"
