#!/usr/bin/env bash
# Builds the versioned release into artifacts/release/ (or the folder given):
#   vmwaremcp-<version>-linux-x64.tar.gz   self-contained: needs no .NET on the server
#   vmwaremcp-<version>.tar.gz             framework-dependent: needs the ASP.NET Core 10 runtime
#   SHA256SUMS
# Each unpacks to vmwaremcp-<version>/ holding the host, its plugins/, vmwaremcp.service (the hardened
# systemd unit, checked with systemd-analyze verify when that is on the machine), settings.example.yml
# and the README. The version is Directory.Build.props' <Version>, or $VERSION.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mkdir -p "${1:-$root/artifacts/release}" && cd "${1:-$root/artifacts/release}" && pwd)"
cd "$root"

version="${VERSION:-$(sed -nE 's/.*<Version>([^<]+)<\/Version>.*/\1/p' Directory.Build.props)}"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] || { echo "release: '$version' is not a version such as 1.2.3" >&2; exit 2; }
stage="$root/artifacts/obj/release-stage"
rm -rf "$stage" && mkdir -p "$stage"

# The unit as installed, its ExecStart pointed at the staged host so that verify can check it is executable.
verify_unit() {
  command -v systemd-analyze > /dev/null || { echo "release: systemd-analyze not found; the unit is not verified" >&2; return; }
  local unit="$stage/unit/vmwaremcp.service"
  mkdir -p "$stage/unit"
  sed "s|/opt/vmwaremcp/|$1/|" packaging/vmwaremcp.service > "$unit"
  systemd-analyze verify "$unit" || { echo "release: systemd-analyze verify found problems in packaging/vmwaremcp.service" >&2; exit 1; }
}

# name, then the publish options that make it.
build() {
  local name="$1"; shift
  local dir="$stage/$name/vmwaremcp-$version"
  dotnet publish src/Host/VmwareMcp.Host.csproj -c Release -o "$dir" -nologo -v q -p:ReleaseVersion="$version" "$@"
  cp packaging/vmwaremcp.service packaging/settings.example.yml README.md "$dir/"
  verify_unit "$dir"
  # Same bytes for the same inputs: fixed order, owner and times, so SHA256SUMS means something.
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}" \
    -C "$stage/$name" -czf "$out/$name.tar.gz" "vmwaremcp-$version"
}

build "vmwaremcp-$version-linux-x64" -r linux-x64 --self-contained
build "vmwaremcp-$version" --no-self-contained
(cd "$out" && sha256sum "vmwaremcp-$version-linux-x64.tar.gz" "vmwaremcp-$version.tar.gz" > SHA256SUMS)
echo "release: vmwaremcp $version in $out (tag it: git tag -a v$version -m 'VmwareMcp $version')"
