#!/usr/bin/env bash
# Small-node fitness, side by side: Java 17, Java 25, and Java 25 with an AOT cache (as the image runs it), each
# starting the same extracted server jar with the Dockerfile's JAVA_TOOL_OPTIONS and the JVM told it has
# 2 CPUs and 512 MiB (-XX:ActiveProcessorCount=2 -XX:MaxRAM=512m, standing in for a container limit) and the
# Serial collector, which the JVM picks itself in such a container (the container check shows it; outside one,
# -XX:MaxRAM does not change the choice). The three alternate run by run, so they share the machine's load.
# Per run and JVM:
#   ready_s   wall time from launch to the first 200 from /actuator/health/readiness
#   spring_s  Spring's own "Started ... in N seconds"
#   rss_mib   resident memory of the process (VmRSS) at readiness, and rss_later_mib $SETTLE_S seconds later
#   heap_mib  heap in use (jstat), heapmax_mib the heap ceiling the JVM chose (MaxHeapSize)
# then the median and range of each. Timings depend on the machine and its load (printed at start and end):
# this is a measurement, never a test.
#
# Usage: deploy/measure-small-node.sh [RUNS] [JAR]     (default 5 runs; without JAR it is built offline)
# Environment: MEASURE_PORT (default 18089), JAVA17 and JAVA25 (java binaries), SETTLE_S (default 5).
# The server listens on 127.0.0.1 only, backend mesh.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
jar=${2:-chat-server/target/chat-server-0.1.0-SNAPSHOT.jar}
port=${MEASURE_PORT:-18089}
settle=${SETTLE_S:-5}
java17=${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
java25=${JAVA25:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -1)}
[[ -x $java17 ]] || java17=$(command -v java)
[[ -x $java25 ]] || { echo "no Java 25 (set JAVA25)" >&2; exit 1; }
if [[ -z ${2:-} ]]; then
    mvn -B -o -q package -DskipTests -pl chat-server -am
fi
[[ -f $jar ]] || { echo "no jar at $jar" >&2; exit 1; }
jdk_bin=$(dirname "$java25")

# The same JVM options as the image, read from the Dockerfile so the two cannot drift apart.
image_options=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\(.*\)"$/\1/p' deploy/docker/Dockerfile)
[[ -n $image_options ]] || { echo "no JAVA_TOOL_OPTIONS in deploy/docker/Dockerfile" >&2; exit 1; }
small_node="-XX:ActiveProcessorCount=2 -XX:MaxRAM=512m -XX:+UseSerialGC"
# The ENTRYPOINT's own Java 25 options, but for the AOT cache, which is this script's to make.
entry_options=$(sed -n 's/^ENTRYPOINT \[\(.*\)\]$/\1/p' deploy/docker/Dockerfile | tr -d '",' | tr ' ' '\n' \
    | grep '^-XX:' | grep -v '^-XX:AOTCache=' | tr '\n' ' ' || true)
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Java 17: $("$java17" -version 2>&1 | head -1); Java 25: $("$java25" -version 2>&1 | head -1)"
echo "JAVA_TOOL_OPTIONS=$image_options $small_node; Java 25 also gets the ENTRYPOINT's $entry_options"

work=$(mktemp -d)
log=$work/server.log
pid=
cleanup() { [[ -n $pid ]] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# As the image has it: the jar extracted (plain jars on a class path), and an AOT cache from one training run.
"$java25" -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
app=$work/app/$(basename "$jar")
start_server() { # JAVA extra-options...
    local java=$1; shift
    JAVA_TOOL_OPTIONS="$image_options $small_node" PORT=$port \
        "$java" "$@" -jar "$app" --server.address=127.0.0.1 >"$log" 2>&1 &
    pid=$!
}
await_ready() {
    until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
        kill -0 "$pid" 2>/dev/null || { echo "server exited; log:" >&2; cat "$log" >&2; exit 1; }
        sleep 0.05
    done
}
stop_server() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }

echo "training the AOT cache (one run to readiness with -XX:AOTCacheOutput, as the image build does)"
start_server "$java25" -XX:AOTCacheOutput="$work/app.aot"
await_ready
curl -fs -o /dev/null "http://127.0.0.1:$port/" || true
stop_server
[[ -s $work/app.aot ]] || { echo "no AOT cache was written; log:" >&2; cat "$log" >&2; exit 1; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
range() { sort -n | awk 'NR==1 {min=$1} {max=$1} END {print min "-" max}'; }

declare -A results
jvms=(java17 java25 java25-aot)
printf '%-4s %-11s %8s %9s %8s %14s %9s %12s\n' run jvm ready_s spring_s rss_mib rss_later_mib heap_mib heapmax_mib
for run in $(seq 1 "$runs"); do
    for jvm in "${jvms[@]}"; do
        start=$(date +%s%N)
        case $jvm in
            java17) start_server "$java17" ;;
            java25) start_server "$java25" $entry_options ;;
            java25-aot) start_server "$java25" $entry_options -XX:AOTCache="$work/app.aot" ;;
        esac
        await_ready
        ready=$(awk "BEGIN {print ($(date +%s%N) - $start) / 1e9}")
        spring=$(sed -n 's/.*Started .* in \([0-9.]*\) seconds.*/\1/p' "$log" | head -1)
        rss=$(awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
        # jstat -gc columns: S0C S1C S0U S1U EC EU OC OU MC MU ...
        read -r heap < <("$jdk_bin/jstat" -gc "$pid" | awk 'NR==2 {printf "%.0f\n", ($3+$4+$6+$8)/1024}')
        heapmax=$("$jdk_bin/jcmd" "$pid" VM.flags | tr ' ' '\n' | sed -n 's/-XX:MaxHeapSize=//p' | awk '{printf "%.0f", $1/1048576}')
        sleep "$settle"
        rss_later=$(awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
        printf '%-4s %-11s %8.2f %9s %8s %14s %9s %12s\n' "$run" "$jvm" "$ready" "$spring" "$rss" "$rss_later" "$heap" "$heapmax"
        results[$jvm]+="$ready $spring $rss $rss_later $heap"$'\n'
        stop_server
    done
done

echo
echo "median (range) over $runs runs; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
names=(ready_s spring_s rss_mib rss_later_mib heap_mib)
printf '%-14s' figure; printf ' %-22s' "${jvms[@]}"; echo
for i in 0 1 2 3 4; do
    printf '%-14s' "${names[$i]}"
    for jvm in "${jvms[@]}"; do
        column=$(printf '%s' "${results[$jvm]}" | awk -v c=$((i + 1)) 'NF {print $c}')
        printf ' %-22s' "$(median <<<"$column") ($(range <<<"$column"))"
    done
    echo
done
