#!/usr/bin/env bash
# Starts (or stops) a second dockerd that listens only on tcp://127.0.0.1:PORT with --tlsverify, for the
# TLS endpoint tests. Everything is under FOLDER: certificates made with openssl (ca.pem, server and
# client cert.pem/key.pem), its own --data-root, --exec-root, --pidfile and unix socket, and its own
# containerd namespace, so the shared dockerd is not disturbed. No bridge, no iptables changes.
#   build/tls-dockerd.sh start FOLDER PORT   # prints nothing; ready when it returns 0
#   build/tls-dockerd.sh stop FOLDER
set -euo pipefail

action="$1" folder="$2"
log() { printf '[tls-dockerd] %s\n' "$*" >&2; }

if [ "$action" = stop ]; then
  if [ -f "$folder/dockerd.pid" ]; then
    pid="$(cat "$folder/dockerd.pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  fi
  exit 0
fi

port="$3"
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

nohup dockerd --data-root "$folder/data" --exec-root "$folder/exec" --pidfile "$folder/dockerd.pid" \
  -H "unix://$folder/docker.sock" -H "tcp://127.0.0.1:$port" \
  --tlsverify --tlscacert "$folder/ca.pem" --tlscert "$folder/server/cert.pem" --tlskey "$folder/server/key.pem" \
  --containerd-namespace resim-tls --containerd-plugins-namespace resim-tls-plugins \
  --bridge=none --iptables=false --ip-masq=false >"$folder/dockerd.log" 2>&1 &

for _ in $(seq 1 120); do
  if timeout 5 docker -H "tcp://127.0.0.1:$port" --tlsverify --tlscacert ca.pem --tlscert client/cert.pem --tlskey client/key.pem version >/dev/null 2>&1; then
    exit 0
  fi
  sleep 0.25
done
log "dockerd did not answer on tcp://127.0.0.1:$port within 30 s; see $folder/dockerd.log"
exit 1
