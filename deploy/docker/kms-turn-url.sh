#!/usr/bin/env bash
# Prints a TURN URL for Kurento (KMS_TURN_URL): <expiry>:<password>@<host>:3478. KMS splits user and
# password at the colon, so the user is the timestamp alone (coturn's use-auth-secret accepts that).
# Usage: ./kms-turn-url.sh HOST [TTL_SECONDS]   (default TTL 30 days: longer than KMS runs between restarts)
set -euo pipefail
cd "$(dirname "$0")"
host=${1:?usage: $0 HOST [TTL_SECONDS]}
ttl=${2:-2592000}
secret=$(cat secrets/turn_secret)
user=$(( $(date +%s) + ttl ))
password=$(printf '%s' "$user" | openssl dgst -sha1 -hmac "$secret" -binary | base64)
printf '%s:%s@%s:3478\n' "$user" "$password" "$host"
