// The official TypeScript SDK as a remote MCP client with OAuth: it meets the host's 401, reads the
// Protected Resource Metadata it points to, gets a client-credentials token from the issuer named there,
// then lists the tools and calls one. Prints one JSON line: {"tools": N, "result": <the call's result>}.
//
//   node oauth-client.mjs --url https://127.0.0.1:8443 --issuer http://127.0.0.1:9000 --client agent-read --scope vmwaremcp.read --tool get_vm --arguments '{"vm":"DC0_H0_VM0"}'
import { parseArgs } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ClientCredentialsProvider } from "@modelcontextprotocol/sdk/client/auth-extensions.js";

const { values: options } = parseArgs({
  options: {
    url: { type: "string" },
    issuer: { type: "string" },
    client: { type: "string" },
    scope: { type: "string" },
    tool: { type: "string" },
    arguments: { type: "string", default: "{}" },
  },
});

const authProvider = new ClientCredentialsProvider({
  clientId: options.client,
  clientSecret: `${options.client}-secret`,
  scope: options.scope,
  expectedIssuer: options.issuer,
});
const client = new Client({ name: "vmwaremcp-oauth-conformance", version: "1.0.0" });
try {
  await client.connect(new StreamableHTTPClientTransport(new URL("/mcp", options.url), { authProvider }));
  const { tools } = await client.listTools();
  const result = await client.callTool({ name: options.tool, arguments: JSON.parse(options.arguments) });
  console.log(JSON.stringify({ tools: tools.length, result }));
  await client.close();
} catch (error) {
  console.error(`oauth client failed: ${error?.stack ?? error}`);
  process.exit(1);
}
