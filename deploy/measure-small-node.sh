#!/usr/bin/env bash
# Small-node fitness: starts the server jar as the image would (the Dockerfile's JAVA_TOOL_OPTIONS) with
# the JVM told it has 2 CPUs and 512 MiB (-XX:ActiveProcessorCount=2 -XX:MaxRAM=512m, standing in for a
# container limit), and measures, per run:
#   ready_s   wall time from launch to the first 200 from /actuator/health/readiness
#   spring_s  Spring's own "Started ... in N seconds"
#   rss_mib   resident memory of the process (VmRSS) right after that
#   heap_mib  heap in use (jstat: survivors + eden + old), meta_mib metaspace in use
#   heapmax_mib  the heap ceiling the JVM chose (MaxHeapSize)
# then the median and range. Timings depend on the machine and its load: this is a measurement, never a test.
#
# Usage: deploy/measure-small-node.sh [RUNS] [JAR]     (default 5 runs; without JAR it is built offline)
# Environment: MEASURE_PORT (default 18089). The server listens on 127.0.0.1 only, backend mesh.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
jar=${2:-chat-server/target/chat-server-0.1.0-SNAPSHOT.jar}
port=${MEASURE_PORT:-18089}
if [[ -z ${2:-} ]]; then
    mvn -B -o -q package -DskipTests -pl chat-server -am
fi
[[ -f $jar ]] || { echo "no jar at $jar" >&2; exit 1; }

# The same JVM options as the image, read from the Dockerfile so the two cannot drift apart.
image_options=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\(.*\)"$/\1/p' deploy/docker/Dockerfile)
[[ -n $image_options ]] || { echo "no JAVA_TOOL_OPTIONS in deploy/docker/Dockerfile" >&2; exit 1; }
small_node="-XX:ActiveProcessorCount=2 -XX:MaxRAM=512m"
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "JAVA_TOOL_OPTIONS=$image_options $small_node"

log=$(mktemp)
pid=
cleanup() { [[ -n $pid ]] && kill "$pid" 2>/dev/null || true; rm -f "$log"; }
trap cleanup EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
range() { sort -n | awk 'NR==1 {min=$1} {max=$1} END {print min "-" max}'; }

results=()
printf '%-4s %8s %9s %8s %9s %9s %12s\n' run ready_s spring_s rss_mib heap_mib meta_mib heapmax_mib
for run in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    JAVA_TOOL_OPTIONS="$image_options $small_node" PORT=$port \
        java -jar "$jar" --server.address=127.0.0.1 >"$log" 2>&1 &
    pid=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
        kill -0 "$pid" 2>/dev/null || { echo "server exited; log:" >&2; cat "$log" >&2; exit 1; }
        sleep 0.1
    done
    ready=$(( ($(date +%s%N) - start) / 1000000 ))
    spring=$(sed -n 's/.*Started .* in \([0-9.]*\) seconds.*/\1/p' "$log" | head -1)
    rss=$(awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
    # jstat -gc columns: S0C S1C S0U S1U EC EU OC OU MC MU ...
    read -r heap meta < <(jstat -gc "$pid" | awk 'NR==2 {printf "%.0f %.0f\n", ($3+$4+$6+$8)/1024, $10/1024}')
    heapmax=$(jcmd "$pid" VM.flags | tr ' ' '\n' | sed -n 's/-XX:MaxHeapSize=//p' | awk '{printf "%.0f", $1/1048576}')
    printf '%-4s %8.1f %9s %8s %9s %9s %12s\n' "$run" "$(awk "BEGIN {print $ready/1000}")" "$spring" "$rss" "$heap" "$meta" "$heapmax"
    results+=("$(awk "BEGIN {print $ready/1000}") $spring $rss $heap $meta")
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    pid=
done

echo
printf '%-10s %8s %11s\n' figure median range
names=(ready_s spring_s rss_mib heap_mib meta_mib)
for i in 0 1 2 3 4; do
    column=$(printf '%s\n' "${results[@]}" | awk -v c=$((i + 1)) '{print $c}')
    printf '%-10s %8s %11s\n' "${names[$i]}" "$(median <<<"$column")" "$(range <<<"$column")"
done
