#!/usr/bin/env bash
# Installs the Debian packages listed in a list file (default deploy/debian-packages.txt) that are missing.
# Does nothing (and says so) where apt-get is absent or we are not root.
set -euo pipefail
list="${1:-$(dirname "$0")/debian-packages.txt}"
missing=()
while read -r pkg; do
  pkg="${pkg%%#*}"; pkg="${pkg// /}"
  [ -n "$pkg" ] || continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < "$list"
# node/npm may come from elsewhere (nodesource, nvm): only ask apt for them when no node is on PATH.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  filtered=(); for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != 0 ]; then
  echo "note: missing Debian packages (install them yourself): ${missing[*]}" >&2
  exit 0
fi
echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine often runs unattended-upgrades at boot: wait for its dpkg lock rather than fail.
wait_for_lock=(-o DPkg::Lock::Timeout=600)
apt-get "${wait_for_lock[@]}" update -q >/dev/null
apt-get "${wait_for_lock[@]}" install -y -q --no-install-recommends "${missing[@]}" >/dev/null
