#!/usr/bin/env bash
# Builds the local images the tests and samples use, with no registry: a busybox-static root file
# system imported with `docker import`. Idempotent: an image that already exists is kept.
set -euo pipefail

log() { printf '[test-images] %s\n' "$*" >&2; }

BUSYBOX_IMAGE="${RESIM_TEST_IMAGE:-resim-testing/busybox:1.35}"

if docker image inspect "$BUSYBOX_IMAGE" >/dev/null 2>&1; then
  log "$BUSYBOX_IMAGE already present"
  exit 0
fi

busybox_bin="$(command -v busybox || true)"
# A dynamically linked busybox would not run inside an image that has no C library.
if [ -z "$busybox_bin" ] || ldd "$busybox_bin" >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    log "installing Debian's busybox-static"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq busybox-static >/dev/null 2>&1 || { apt-get update -qq >/dev/null; apt-get install -y -qq busybox-static >/dev/null; }
    busybox_bin=/bin/busybox
  else
    log "a statically linked busybox is needed (Debian/Ubuntu: apt-get install busybox-static)"
    exit 1
  fi
fi

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/root" "$root/proc" "$root/sys" "$root/dev"
chmod 1777 "$root/tmp"
cp "$busybox_bin" "$root/bin/busybox"
for applet in $("$root/bin/busybox" --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
done
echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
echo 'root:x:0:' > "$root/etc/group"

tar -C "$root" -c . | docker import \
  --change 'ENV PATH=/bin' \
  --change 'CMD ["/bin/sh"]' \
  - "$BUSYBOX_IMAGE" >/dev/null
log "built $BUSYBOX_IMAGE"
