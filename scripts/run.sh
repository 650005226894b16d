#!/usr/bin/env bash
# Runs the product on the embedded default: builds, starts a simulated vCenter (vcsim) and the host in
# front of it, and prints the MCP URL, the REST base URL and the token. Ctrl+C stops both.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

bash scripts/bootstrap.sh
dotnet build src/Host -c Release -nologo -v q

demo="$root/artifacts/demo"
mkdir -p "$demo"
sim_out="$demo/simulator.json"
# The harness stops when its stdin closes, so it never outlives this script.
coproc SIM { "$root/artifacts/vcsim/vcsim-harness" -vm 4 -ds 2; }
read -r line <&"${SIM[0]}"
echo "$line" > "$sim_out"
url=$(echo "$line" | sed -nE 's/.*"url":"([^"]+)".*/\1/p')
thumb=$(echo "$line" | sed -nE 's/.*"thumbprint":"([^"]+)".*/\1/p')
token="demo-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
listen="${MCP_LISTEN_URL:-https://127.0.0.1:8443}"

cat > "$demo/settings.yml" <<YAML
vcenter_endpoint: "$url"
login_credential: "user"
secret_key: "pass"
ssl_thumbprint: "$thumb"
access_token: "$token"
listen_url: "$listen"
logging_severity: "INFO"
YAML

cat <<INFO

  Simulated vCenter : $url
  MCP (Streamable)  : $listen/mcp
  MCP (SSE)         : $listen/mcp/sse
  REST base URL     : $listen/api/v1
  Token             : $token
  Config            : $demo/settings.yml

  Try: curl -sk -H "Authorization: Bearer $token" $listen/api/v1/vms

INFO
dotnet "$root/src/Host/bin/Release/net10.0/VmwareMcp.Host.dll" --config "$demo/settings.yml"
