#!/usr/bin/env bash
# Installs what building and testing VmwareMcp needs on a Debian machine: the Go toolchain and govmomi
# (whose simulator, vcsim, is the hypervisor of every test and of the demo). The .NET SDK must already be
# installed; NuGet packages are restored by dotnet itself.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v go >/dev/null 2>&1 || [ ! -d /usr/share/gocode/src/github.com/vmware/govmomi/simulator ]; then
  echo "bootstrap: installing golang-go and golang-github-vmware-govmomi-dev (apt)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq golang-go golang-github-vmware-govmomi-dev >/dev/null
fi

# The console's browser tests drive Debian's Chromium (playwright-core never downloads a browser here).
if [ ! -x /usr/bin/chromium ]; then
  echo "bootstrap: installing chromium (apt)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "bootstrap: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 1
fi

# Builds the simulator harness once, so the demo and the tests start it in milliseconds.
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/artifacts/vcsim/vcsim-harness"
if [ ! -x "$out" ] || [ "$root/tests/simulator/main.go" -nt "$out" ]; then
  echo "bootstrap: building the vcsim harness"
  mkdir -p "$root/artifacts/gopath"
  (cd "$root/tests/simulator" && GOPATH="$root/artifacts/gopath:/usr/share/gocode" GO111MODULE=off \
    GOCACHE="$root/artifacts/gocache" go build -o "$out" .)
fi
