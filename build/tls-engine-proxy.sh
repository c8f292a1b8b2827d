#!/usr/bin/env bash
# Starts (or stops) a TLS endpoint for the local Docker engine on tcp://127.0.0.1:PORT that, like
# `dockerd --tlsverify`, serves only clients with a certificate signed by its CA: socat terminates TLS
# with certificates made here with openssl and forwards to the engine's unix socket. A proxy rather than
# a second dockerd: a dockerd started with --bridge=none deletes the shared engine's docker0 bridge.
# Everything is under FOLDER (ca.pem; server/ and client/ with cert.pem and key.pem; the proxy's pid).
#   build/tls-engine-proxy.sh start FOLDER PORT   # ready when it returns 0
#   build/tls-engine-proxy.sh stop FOLDER
set -euo pipefail

action="$1" folder="$2"
log() { printf '[tls-engine-proxy] %s\n' "$*" >&2; }

if [ "$action" = stop ]; then
  if [ -f "$folder/proxy.pid" ]; then
    kill "$(cat "$folder/proxy.pid")" 2>/dev/null || true
    rm -f "$folder/proxy.pid"
  fi
  exit 0
fi

port="$3"
socket="/var/run/docker.sock"
case "${DOCKER_HOST:-}" in unix://*) socket="${DOCKER_HOST#unix://}" ;; esac
if ! command -v socat >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    log "installing Debian's socat"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq socat >/dev/null 2>&1 || { apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq socat >/dev/null; }
  else
    log "socat is needed (Debian/Ubuntu: apt-get install socat)"
    exit 1
  fi
fi

mkdir -p "$folder/client" "$folder/server"
cd "$folder"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=resim-test-ca" -keyout ca-key.pem -out ca.pem >/dev/null 2>&1
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server/key.pem -out server.csr >/dev/null 2>&1
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 -extfile server.ext -out server/cert.pem >/dev/null 2>&1
openssl req -newkey rsa:2048 -nodes -subj "/CN=resim-test-client" -keyout client/key.pem -out client.csr >/dev/null 2>&1
printf 'extendedKeyUsage=clientAuth\n' > client.ext
openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 -extfile client.ext -out client/cert.pem >/dev/null 2>&1
cp ca.pem client/ca.pem

nohup socat "OPENSSL-LISTEN:$port,bind=127.0.0.1,reuseaddr,fork,cert=$folder/server/cert.pem,key=$folder/server/key.pem,cafile=$folder/ca.pem,verify=1" \
  "UNIX-CONNECT:$socket" >"$folder/proxy.log" 2>&1 &
echo $! > "$folder/proxy.pid"

for _ in $(seq 1 80); do
  if timeout 5 docker -H "tcp://127.0.0.1:$port" --tlsverify --tlscacert ca.pem --tlscert client/cert.pem --tlskey client/key.pem version >/dev/null 2>&1; then
    exit 0
  fi
  sleep 0.25
done
log "the TLS endpoint on tcp://127.0.0.1:$port did not answer within 20 s; see $folder/proxy.log"
exit 1
