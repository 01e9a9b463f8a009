#!/usr/bin/env bash
# The container check (run by ./test.sh after `mvn verify`; docs in deploy/README.md): builds
# deploy/docker/Dockerfile with podman, runs the image as a small node would (--memory=512m --cpus=2),
# and checks what the image promises: readiness, a non-root uid, a heap the JVM sized from the memory
# limit, the HEALTHCHECK, and that filling the server until `server-full` leaves the container alive and
# not killed for memory. Prints the time to readiness and the resident set as figures, asserts neither.
#
# No registry is reachable here, so the two base images are made locally and passed through the
# Dockerfile's build arguments (its defaults stay the real multi-arch images):
#   runtime: Debian bookworm (debootstrap, minbase, curl) with the machine's Temurin 25 at /opt/java/openjdk,
#            as in eclipse-temurin:25-jre;
#   build:   the same plus Maven from Maven Central, as in maven:3.9-eclipse-temurin-25.
# They are kept in podman's storage between runs (tagged by the JDK's version), and so is the Maven cache
# mount of the image build. Needs root (rootful podman), the bench jar (bench/target, built by `mvn verify`).
#
# Usage: deploy/container-check.sh            Environment: CONTAINER_CHECK_KEEP=1 keeps the container.
# Exit 0: passed. Exit 1: failed. Exit 3: skipped because podman cannot be installed (the reason is printed).
set -euo pipefail
cd "$(dirname "$0")/.."

export CONTAINERS_CONF="$PWD/deploy/podman/containers.conf"
temurin=${CONTAINER_CHECK_JDK:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}
maven_version=3.9.16
maven_url=https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/$maven_version/apache-maven-$maven_version-bin.tar.gz
image=localhost/chatforyou:container-check
container=chatforyou-check-$$
bench_jar=bench/target/bench-0.1.0-SNAPSHOT.jar
work=$(mktemp -d)
check_start=$(date +%s)

say() { echo "[container-check] $*"; }
fail() { say "FAILED: $*"; [[ -n ${container_started:-} ]] && podman logs "$container" 2>&1 | tail -40; exit 1; }
cleanup() {
    if [[ -n ${container_started:-} && -z ${CONTAINER_CHECK_KEEP:-} ]]; then
        podman rm -f "$container" >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# ---- podman from Debian ----
packages=(podman buildah uidmap fuse-overlayfs slirp4netns debootstrap runc eatmydata)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [[ ${#missing[@]} -gt 0 ]]; then
    if [[ $(id -u) != 0 ]]; then
        say "SKIPPED: podman needs root here (rootful podman), and this is uid $(id -u)"; exit 3
    fi
    say "installing ${missing[*]} from Debian"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${missing[@]}"; } >"$work/apt.log" 2>&1; then
        tail -5 "$work/apt.log"; say "SKIPPED: podman cannot be installed from Debian (apt-get failed, above)"; exit 3
    fi
fi
[[ $(id -u) == 0 ]] || { say "SKIPPED: podman needs root here (rootful podman), and this is uid $(id -u)"; exit 3; }
[[ -x $temurin/bin/java ]] || fail "no Temurin 25 JDK under /usr/lib/jvm for the local runtime base (CONTAINER_CHECK_JDK)"
[[ -f $bench_jar ]] || fail "no $bench_jar: run mvn verify (or package) first"
jdk_version=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$temurin/release")
runtime_base=localhost/chatforyou-check-runtime-base:bookworm-temurin-$jdk_version
build_base=localhost/chatforyou-check-build-base:bookworm-temurin-$jdk_version-maven-$maven_version

# ---- local base images, made once and kept ----
if ! podman image exists "$runtime_base"; then
    say "making $runtime_base (debootstrap, about a minute)"
    rootfs=$work/rootfs
    eatmydata debootstrap --variant=minbase --include=curl,ca-certificates bookworm "$rootfs" \
        http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log"; fail "debootstrap"; }
    mkdir -p "$rootfs/opt/java"
    cp -a "$temurin" "$rootfs/opt/java/openjdk"
    # The JDK's trust store may be a link into the machine's /etc; the image needs the file itself.
    cp --remove-destination -L "$temurin/lib/security/cacerts" "$rootfs/opt/java/openjdk/lib/security/cacerts"
    rm -rf "$rootfs/opt/java/openjdk/lib/src.zip" "$rootfs/opt/java/openjdk/jmods" "$rootfs"/var/cache/apt/archives/*.deb
    tar -C "$rootfs" -c . | podman import \
        --change 'ENV JAVA_HOME=/opt/java/openjdk' \
        --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'CMD ["/bin/bash"]' - "$runtime_base" >/dev/null
fi
if ! podman image exists "$build_base"; then
    say "making $build_base (Maven $maven_version from Maven Central)"
    curl -fsSL -o "$work/maven.tar.gz" "$maven_url"
    echo "$(curl -fsSL "$maven_url.sha512" | cut -d' ' -f1)  $work/maven.tar.gz" | sha512sum -c --quiet - \
        || fail "Maven download does not match its checksum"
    cat >"$work/Containerfile" <<EOF
FROM $runtime_base
ADD maven.tar.gz /opt/
RUN ln -s /opt/apache-maven-$maven_version/bin/mvn /usr/local/bin/mvn && mvn -v
EOF
    podman build -q --format docker -t "$build_base" -f "$work/Containerfile" "$work" >/dev/null
fi

# ---- the image, as shipped but for the two bases ----
say "building deploy/docker/Dockerfile on the local bases"
previous=$(podman image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)
build_start=$(date +%s)
podman build --format docker -f deploy/docker/Dockerfile \
    --build-arg BUILD_IMAGE="$build_base" --build-arg RUNTIME_IMAGE="$runtime_base" \
    -t "$image" . >"$work/build.log" 2>&1 || { tail -40 "$work/build.log"; fail "podman build"; }
say "image built in $(( $(date +%s) - build_start )) s"
# The previous run's image, if this build replaced it; its unchanged layers stay as the next build's cache.
if [[ -n $previous && $previous != $(podman image inspect -f '{{.Id}}' "$image") ]]; then
    podman rmi "$previous" >/dev/null 2>&1 || true
fi
[[ $(podman image inspect -f '{{.Config.Healthcheck.Test}}' "$image") == *actuator/health/liveness* ]] \
    || fail "the image has no HEALTHCHECK (built without --format docker?)"

# ---- run it as a small node ----
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# Host network with the app bound to 127.0.0.1: traffic stays on loopback. The room cap is raised so that the
# participant cap, derived from the heap, is what the fill reaches (with 100 rooms of at most 8, rooms run out first).
run_start=$(date +%s%N)
# The fill connects every participant from 127.0.0.1, so the per-address quotas are lifted: what is
# checked here is memory, with the server's own cap, not what one address may open.
podman run -d --name "$container" --memory=512m --memory-swap=512m --cpus=2 --network=host \
    -e PORT="$port" -e SERVER_ADDRESS=127.0.0.1 -e CHATFORYOU_ROOMS_MAXROOMS=300 \
    -e CHATFORYOU_INTERNET_QUOTAS_CONNECTIONSPERADDRESS=100000 \
    -e CHATFORYOU_INTERNET_QUOTAS_ROOMSPERADDRESSPERHOUR=100000 \
    -e CHATFORYOU_INTERNET_QUOTAS_UNJOINEDROOMSPERADDRESS=100000 "$image" >/dev/null
container_started=1
deadline=$(( $(date +%s) + 180 ))
until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
    [[ $(podman inspect -f '{{.State.Running}}' "$container") == true ]] || fail "the container stopped while starting"
    (( $(date +%s) < deadline )) || fail "not ready within 180 s"
    sleep 0.1
done
ready_ms=$(( ($(date +%s%N) - run_start) / 1000000 ))
java_pid=$(podman inspect -f '{{.State.Pid}}' "$container")
rss_mib=$(awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$java_pid/status")
say "ready after $(awk "BEGIN {print $ready_ms/1000}") s (podman run to readiness 200), resident set $rss_mib MiB; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- what the image promises ----
uid=$(podman exec "$container" awk '/^Uid:/ {print $2}' /proc/1/status)
[[ $uid == 10001 ]] || fail "the JVM runs as uid $uid, not the image's non-root 10001"
say "JVM runs as uid $uid"
# The log read whole first: grep -m1 on a pipe would stop podman logs with SIGPIPE, a failure under pipefail.
podman logs "$container" >"$work/container.log" 2>&1
line=$(grep -m1 'ChatForYou starting:' "$work/container.log") || fail "no start-up line"
heap=$(sed -n 's/.*max heap \([0-9]*\) MiB.*/\1/p' <<<"$line")
total=$(sed -n 's/.*total memory \([0-9]*\) MiB.*/\1/p' <<<"$line")
cap=$(sed -n 's/.*max participants \([0-9]*\) (derived.*/\1/p' <<<"$line")
[[ $total == 512 ]] || fail "the JVM saw $total MiB, not the 512 MiB limit: $line"
# 60 % of 512 MiB is 307 MiB; the collector keeps a survivor space out of what Runtime.maxMemory() reports.
(( heap >= 250 && heap <= 308 )) || fail "max heap $heap MiB is not 60 % of the 512 MiB limit: $line"
[[ -n $cap ]] || fail "no derived participant cap in the start-up line: $line"
say "JVM saw $total MiB and sized its heap to $heap MiB; derived participant cap $cap"
podman healthcheck run "$container" >/dev/null || fail "HEALTHCHECK reports unhealthy"
[[ $(podman inspect -f '{{.State.Health.Status}}' "$container") == healthy ]] || fail "health status is not healthy"
say "HEALTHCHECK: healthy"

# ---- fill it until server-full ----
say "joining participants until the server refuses one"
fill=$(java -cp "$bench_jar" com.chatforyou.bench.CapacityFill "http://127.0.0.1:$port" $(( cap + 12 ))) \
    || fail "fill: $fill"
say "fill: $fill"
[[ $fill == "joined=$cap refused=server-full alive=true" ]] || fail "expected $cap joined, then server-full: $fill"
state=$(podman inspect -f '{{.State.Running}} {{.State.ExitCode}} {{.State.OOMKilled}}' "$container")
[[ $state == "true 0 false" ]] || fail "container state after the fill (running, exit code, OOM-killed): $state"
podman logs "$container" >"$work/container.log" 2>&1
grep -q "java.lang.OutOfMemoryError" "$work/container.log" && fail "OutOfMemoryError in the log"
# The kernel's count of OOM kills in the container's memory cgroup (v1 memory.oom_control, v2 memory.events).
memcg=$(awk -F: '$2 == "memory" || $2 == "" {print $3; exit}' "/proc/$java_pid/cgroup")
oom_kills=$(cat "/sys/fs/cgroup/memory$memcg/memory.oom_control" "/sys/fs/cgroup$memcg/memory.events" 2>/dev/null \
    | awk '$1 == "oom_kill" {print $2; exit}' || true)
[[ -z $oom_kills || $oom_kills == 0 ]] || fail "the kernel killed $oom_kills processes in the container for memory"
rss_after=$(awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$java_pid/status")
say "after the fill: still running, not OOM-killed${oom_kills:+ (cgroup oom_kill $oom_kills)}, resident set $rss_after MiB"
say "PASSED in $(( $(date +%s) - check_start )) s"
