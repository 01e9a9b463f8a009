#!/bin/sh
# Starts Janus with the project's configs (this folder) and this deployment's secrets, for the
# container image (docker/Dockerfile.janus) and thus compose and Kubernetes. The configs keep
# "change-me-..." placeholders; the secrets come from files (compose secrets) or variables (Kubernetes).
#   JANUS_API_SECRET[_FILE]        the api_secret every Janus request carries (the app's api-secret)
#   JANUS_ROOM_ADMIN_KEY[_FILE]    the videoroom admin_key that room creation needs (the app's room-admin-key)
#   JANUS_ADMIN_SECRET[_FILE]      the Admin API secret (the app's admin-secret; Admin API on loopback only)
#   JANUS_WS_IP                    where the Janus API listens (default 127.0.0.1: the app on the same host)
#   JANUS_WS_PORT                  the Janus API's port (default 8188); another for a second Janus on one host
#   JANUS_ADMIN_WS_PORT            the Admin API's port (default 7188, always on loopback)
#   JANUS_PUBLIC_IP                the address browsers reach this host at, when it is behind 1:1 NAT
#   JANUS_RTP_PORT_RANGE           UDP ports for media (default 20000-20999, as in janus.jcfg)
set -eu
read_secret() { # name: the value of $name, or of the file named by ${name}_FILE
  eval "value=\${$1:-}"; eval "file=\${$1_FILE:-}"
  if [ -z "$value" ] && [ -n "$file" ]; then value=$(cat "$file"); fi
  [ -n "$value" ] || { echo "start-janus.sh: set $1 or $1_FILE" >&2; exit 1; }
  printf '%s' "$value" | tr -d '\r\n'
}
api=$(read_secret JANUS_API_SECRET)
key=$(read_secret JANUS_ROOM_ADMIN_KEY)
admin=$(read_secret JANUS_ADMIN_SECRET)
case "$api$key$admin" in *[\"\\]*) echo "start-janus.sh: secrets may not contain quotes or backslashes" >&2; exit 1;; esac
source=$(dirname "$0")
config=$(mktemp -d)
sed -e "s|^\(\s*\)api_secret = .*|\1api_secret = \"$api\"|" -e "s|^\(\s*\)admin_secret = .*|\1admin_secret = \"$admin\"|" \
    -e "s|^\(\s*\)configs_folder = .*|\1configs_folder = \"$config\"|" \
    -e "s|^\(\s*\)rtp_port_range = .*|\1rtp_port_range = \"${JANUS_RTP_PORT_RANGE:-20000-20999}\"|" \
    "$source/janus.jcfg" > "$config/janus.jcfg"
sed -e "s|^\(\s*\)ws_ip = .*|\1ws_ip = \"${JANUS_WS_IP:-127.0.0.1}\"|" \
    -e "s|^\(\s*\)ws_port = .*|\1ws_port = ${JANUS_WS_PORT:-8188}|" \
    -e "s|^\(\s*\)admin_ws_port = .*|\1admin_ws_port = ${JANUS_ADMIN_WS_PORT:-7188}|" \
    "$source/janus.transport.websockets.jcfg" > "$config/janus.transport.websockets.jcfg"
sed -e "s|^\(\s*\)admin_key = .*|\1admin_key = \"$key\"|" \
    "$source/janus.plugin.videoroom.jcfg" > "$config/janus.plugin.videoroom.jcfg"
set -- -F "$config" -o
if [ -n "${JANUS_PUBLIC_IP:-}" ]; then set -- "$@" --nat-1-1="$JANUS_PUBLIC_IP"; fi
exec janus "$@"
