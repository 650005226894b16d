// A real OpenID provider for the OAuth tests: panva's oidc-provider (an OpenID-certified implementation),
// issuing JWT access tokens by the client-credentials grant with RFC 8707 resource indicators, the way
// the MCP authorization spec has an authorization server mint tokens for one MCP server.
//
//   node openid-provider.mjs --port 0
// Prints "ready <issuer>" when it listens. Clients (secret = id + "-secret"):
//   agent-operate  may ask for vmwaremcp.read and vmwaremcp.operate
//   agent-read     may ask for vmwaremcp.read only
//   agent-lab      read and operate, with the claim vmwaremcp_targets: ["lab"]
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import Provider from "oidc-provider";

const { values: options } = parseArgs({ options: { port: { type: "string", default: "0" } } });
const scopes = "vmwaremcp.read vmwaremcp.operate vmwaremcp.admin";
const client = (id, scope) => ({
  client_id: id,
  client_secret: `${id}-secret`,
  grant_types: ["client_credentials"],
  redirect_uris: [],
  response_types: [],
  scope,
});

const server = createServer();
await new Promise((resolve) => server.listen(Number(options.port), "127.0.0.1", resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;
const provider = new Provider(issuer, {
  clients: [
    client("agent-operate", "vmwaremcp.read vmwaremcp.operate"),
    client("agent-read", "vmwaremcp.read"),
    client("agent-lab", "vmwaremcp.read vmwaremcp.operate"),
  ],
  scopes: scopes.split(" "),
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      // Every resource the client names is a resource server of ours: the host, or another MCP server.
      getResourceServerInfo: (ctx, resource) => ({ scope: scopes, audience: resource, accessTokenTTL: Number(process.env.TOKEN_TTL ?? 300), accessTokenFormat: "jwt" }),
    },
  },
  extraTokenClaims: (ctx, token) => (token.clientId === "agent-lab" ? { vmwaremcp_targets: ["lab"] } : undefined),
});
server.on("request", provider.callback());
console.log(`ready ${issuer}`);
