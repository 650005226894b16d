// Calls every tool the server lists, in the order of calls.json, with the official TypeScript MCP SDK,
// which validates each result's structured content against the tool's declared output schema.
// Exits 0 when every call answered as calls.json expects, 1 otherwise (a protocol error, a schema
// mismatch, an unexpected tool error or a listed tool that calls.json does not cover).
//
//   node conformance.mjs --transport http|sse --url https://127.0.0.1:8443 --token T --model vpx|esx [--run NAME] [--ova PATH]
//   node conformance.mjs --transport stdio --model vpx -- dotnet VmwareMcp.Host.dll --stdio --config settings.yml
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const { values: options, positionals: command } = parseArgs({
  allowPositionals: true,
  options: {
    transport: { type: "string" },
    url: { type: "string" },
    token: { type: "string" },
    model: { type: "string" },
    run: { type: "string" },
    ova: { type: "string" },
  },
});
const plan = JSON.parse(readFileSync(new URL("./calls.json", import.meta.url), "utf8"));
const variables = { ...plan.models[options.model], run: options.run ?? options.transport, ...(options.ova ? { ova: options.ova } : {}) };
if (!plan.models[options.model]) fail(`unknown model '${options.model}'`);

function transport() {
  const headers = { Authorization: `Bearer ${options.token}` };
  switch (options.transport) {
    case "http":
      return new StreamableHTTPClientTransport(new URL("/mcp", options.url), { requestInit: { headers } });
    case "sse":
      // The SSE stream is opened with fetch too, so the header reaches both the stream and the posts.
      return new SSEClientTransport(new URL("/mcp/sse", options.url), {
        requestInit: { headers },
        eventSourceInit: { fetch: (url, init) => fetch(url, { ...init, headers: { ...init?.headers, ...headers } }) },
      });
    case "stdio":
      return new StdioClientTransport({ command: command[0], args: command.slice(1), stderr: "inherit" });
    default:
      fail(`--transport must be http, sse or stdio, not '${options.transport}'`);
  }
}

function fail(message) {
  console.error(`conformance: ${message}`);
  process.exit(1);
}

function fill(value) {
  if (typeof value === "string") {
    return value.replace(/\$\{(\w+)\}/g, (_, name) => {
      if (!(name in variables)) throw new Error(`\${${name}} is not known yet`);
      return variables[name];
    });
  }
  if (Array.isArray(value)) return value.map(fill);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
  return value;
}

function pick(structured, path) {
  return path.split(".").reduce((node, key) => (node == null ? undefined : node[key]), structured);
}

const client = new Client({ name: "vmwaremcp-conformance", version: "1.0.0" });
await client.connect(transport());
const { tools } = await client.listTools();
const planned = new Set(plan.calls.map((c) => c.tool));
const problems = tools.filter((t) => !planned.has(t.name)).map((t) => `${t.name} is listed but calls.json never calls it`);
const listed = new Set(tools.map((t) => t.name));
let calls = 0;

for (const call of plan.calls) {
  if (call.models && !call.models.includes(options.model)) continue;
  if (!listed.has(call.tool)) {
    problems.push(`${call.tool} is in calls.json but not listed`);
    continue;
  }
  const expectError = (call.error_on ?? []).includes(options.model);
  const args = fill(call.arguments);
  const label = `${call.tool} ${JSON.stringify(args)}`;
  try {
    const result = await client.callTool({ name: call.tool, arguments: args });
    calls++;
    const text = (result.content ?? []).filter((c) => c.type === "text").map((c) => c.text).join("");
    if (result.isError && !expectError) {
      problems.push(`${label}: unexpected tool error: ${text}`);
    } else if (!result.isError && expectError) {
      problems.push(`${label}: expected a tool error on ${options.model}, got a result`);
    } else {
      for (const [name, path] of Object.entries(call.save ?? {})) {
        const value = pick(result.structuredContent, path);
        if (value === undefined || value === null) problems.push(`${label}: nothing at '${path}' to save as ${name}`);
        else variables[name] = String(value);
      }
      console.log(`ok ${label}${result.isError ? " (tool error, as expected)" : ""}`);
    }
  } catch (error) {
    calls++;
    problems.push(`${label}: ${error?.message ?? error}`);
  }
}

await client.close();
for (const problem of problems) console.error(`FAIL ${problem}`);
console.log(`conformance ${options.transport} ${options.model}: ${tools.length} tools listed, ${calls} calls, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
