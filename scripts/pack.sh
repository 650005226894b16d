#!/usr/bin/env bash
# Writes the packages a third party builds a plugin from to artifacts/packages/ (or the folder given):
#   VmwareMcp.Abstractions  the contract, at the contract's version (src/Abstractions/ContractVersion.cs)
#   VmwareMcp.Templates     dotnet new vmwaremcp-provider, pinned to that contract and the host's MCP SDK
# With that folder as a package source, `dotnet new install VmwareMcp.Templates.<v>.nupkg`,
# `dotnet new vmwaremcp-provider -n acme-cloud` and `dotnet build` need nothing else from this repository.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mkdir -p "${1:-$root/artifacts/packages}" && cd "${1:-$root/artifacts/packages}" && pwd)"
cd "$root"

contract="$(sed -nE 's/.*Current = "([0-9]+\.[0-9]+)".*/\1/p' src/Abstractions/ContractVersion.cs).0"
mcp="$(sed -nE 's/.*"ModelContextProtocol.AspNetCore" Version="([^"]+)".*/\1/p' Directory.Packages.props)"

dotnet pack src/Abstractions/VmwareMcp.Abstractions.csproj -c Release -o "$out" -nologo -v q

# The template's project pins both versions in one place; they are written in here, from this repository.
stage="$root/artifacts/obj/template-stage"
rm -rf "$stage" && mkdir -p "$stage"
cp -r templates/ProviderPlugin "$stage/"
rm -rf "$stage/ProviderPlugin/bin" "$stage/ProviderPlugin/obj"
sed -i "s/VMWAREMCP_CONTRACT_VERSION/$contract/; s/VMWAREMCP_MCP_VERSION/$mcp/" "$stage/ProviderPlugin/AcmeProvider.csproj"
dotnet pack templates/VmwareMcp.Templates.csproj -c Release -o "$out" -nologo -v q -p:TemplateStage="$stage" -p:Version="$contract"

echo "pack: VmwareMcp.Abstractions $contract and VmwareMcp.Templates $contract (MCP SDK $mcp) in $out"
