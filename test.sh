#!/usr/bin/env bash
# Runs every test: domain and adapter unit tests, the web client's node tests, Spring STOMP tests,
# architecture rules, the TURN tests against a real coturn, the Janus tests against a real Janus and the
# real-browser end-to-end tests, then the container check: the image built with podman and run as a 2-CPU
# 512 MiB node (deploy/container-check.sh).
# Installs Debian's Chromium, chromedriver, coturn and Janus first when they are missing (needs root or sudo),
# and podman for the container check (skipped, with the reason, only where podman cannot be installed).
set -euo pipefail
cd "$(dirname "$0")"

# coturn: the TURN tests start their own instance on 127.0.0.1; the packaged service is not used.
# janus: the Janus tests start their own instance with deploy/janus/*.jcfg inside a private network
# namespace; the packaged service is not used.
packages=(chromium chromium-driver coturn janus)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian"
  sudo_if_needed=()
  [ "$(id -u)" = 0 ] || sudo_if_needed=(sudo)
  "${sudo_if_needed[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_if_needed[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
command -v node >/dev/null || { echo "node (20 or newer) is needed for the web client's tests" >&2; exit 1; }

mvn -B -ntp verify "$@"

# A skipped test proves nothing: name each one and its reason, so CI output says why.
grep -o 'skipped message="[^"]*"' -r --include='TEST-*.xml' . 2>/dev/null \
  | sed -e 's#^\./##' -e 's#/target/.*/TEST-# #' -e 's#\.xml:skipped message=# skipped: #' || true

# The image as shipped, on locally made bases (no registry here); exit 3 is a skip whose reason it printed.
container_check=0
deploy/container-check.sh || container_check=$?
if [ "$container_check" = 3 ]; then
  echo "container check skipped (reason above)"
elif [ "$container_check" != 0 ]; then
  exit "$container_check"
fi
