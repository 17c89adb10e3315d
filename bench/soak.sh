#!/usr/bin/env bash
# The embedded memory soak, both variants in separate JVMs: recycling off (the baseline), then the
# default recycling. Usage: bench/soak.sh [CYCLES] [EVERY] [OUT_DIR]. Needs bench/target/
# benchmarks.jar (./mvnw -q -B package -pl bench -am -DskipTests). Takes about a minute per
# thousand cycles on this 2-core machine; the machine is shared, so run it in the background.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${SQLFEED_BENCH_JAR:-$root/bench/target/benchmarks.jar}"
cycles="${1:-10000}"
every="${2:-1000}"
out="${3:-$root/bench/target/soak}"
mkdir -p "$out"

for recycle in never 5000; do
  java ${SQLFEED_JAVA_OPTS:-} -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true \
    -cp "$jar" dev.sqlfeed.bench.soak.EmbeddedSoak \
    --recycle "$recycle" --cycles "$cycles" --every "$every" \
    --out "$out/recycle-$recycle.csv" --histogram 30 \
    >"$out/recycle-$recycle.txt" 2>"$out/recycle-$recycle.log"
done
java -cp "$jar" dev.sqlfeed.bench.soak.SoakCompare \
  "$out/recycle-never.csv" "$out/recycle-5000.csv" | tee "$out/compare.txt"
