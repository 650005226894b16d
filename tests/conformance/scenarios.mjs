// Client stories the test suite checks end to end with the official TypeScript MCP SDK, over Streamable HTTP.
// Each prints what it saw as one JSON line; the C# test checks vSphere itself. Exits 1 on any protocol
// error, tool error or timeout.
//
//   node scenarios.mjs retried-create --url U --token T --name NAME
//       create_vm twice with one request_id, as a client that timed out and retried: {"first":id,"second":id}
//   node scenarios.mjs handoff-clone --url U --token T --vm SOURCE --name NAME
//       clone_vm with wait: false, then get_task until the result is there: {"task_id":t,"result":id}
//   node scenarios.mjs held --url U --token T --vm VM --name NAME
//       rename_vm where a require_approval rule holds it; the SDK checks the pending answer against the output schema: {"approval_id":id}
//   node scenarios.mjs undo --url U --token T --vm VM --name NAME
//       rename_vm, the change's id from GET /api/v1/audit, then undo_change confirmed; the SDK checks its result against the output schema: {"name":n}
//   node scenarios.mjs subscribe --url U --token T --uri URI
//       subscribes, prints "subscribed", then waits for notifications/resources/updated: {"updated":uri}
import { parseArgs } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ResourceUpdatedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { url: { type: "string" }, token: { type: "string" }, name: { type: "string" }, vm: { type: "string" }, uri: { type: "string" } },
});
const patienceMs = 60_000;

function fail(message) {
  console.error(`scenario: ${message}`);
  process.exit(1);
}

async function call(client, name, args) {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) fail(`${name} answered a tool error: ${result.content.map((c) => c.text).join("")}`);
  return result.structuredContent;
}

const scenarios = {
  "retried-create": async (client) => {
    const args = { vm_label: options.name, request_id: `retry-${options.name}` };
    const first = await call(client, "create_vm", args);
    const second = await call(client, "create_vm", args);
    return { first: first.id, second: second.id };
  },
  "handoff-clone": async (client) => {
    const handle = await call(client, "clone_vm", { source_identifier: options.vm, destination_label: options.name, wait: false });
    const deadline = Date.now() + patienceMs;
    while (Date.now() < deadline) {
      const task = await call(client, "get_task", { task_id: handle.task_id });
      if (task.result) return { task_id: handle.task_id, state: task.state, result: task.result.id };
      await new Promise((resolve) => setTimeout(resolve, 250)); // A client following a task polls it.
    }
    fail(`get_task never showed the result of ${handle.task_id}`);
  },
  held: async (client) => {
    const pending = await call(client, "rename_vm", { vm: options.vm, new_name: options.name });
    if (pending.state !== "pending_approval") fail(`expected a pending approval, got ${JSON.stringify(pending)}`);
    return { approval_id: pending.approval_id };
  },
  undo: async (client) => {
    await call(client, "rename_vm", { vm: options.vm, new_name: options.name });
    const audit = await fetch(new URL(`/api/v1/audit?vm=${encodeURIComponent(options.vm)}&outcome=ok`, options.url), { headers: { Authorization: `Bearer ${options.token}` } });
    const change = (await audit.json()).find((r) => r.operation === "rename_vm") ?? fail("the rename is not in the audit log");
    const undone = await call(client, "undo_change", { change_id: change.id, confirm: true });
    return { name: undone.vm.name };
  },
  subscribe: async (client) => {
    const updated = new Promise((resolve) => client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => resolve(n.params.uri)));
    await client.subscribeResource({ uri: options.uri });
    console.log("subscribed");
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("no notifications/resources/updated within 60 s")), patienceMs));
    return { updated: await Promise.race([updated, timeout]) };
  },
};

const scenario = scenarios[positionals[0]] ?? fail(`unknown scenario '${positionals[0]}'; one of ${Object.keys(scenarios).join(", ")}`);
const client = new Client({ name: "vmwaremcp-scenarios", version: "1.0.0" });
try {
  await client.connect(new StreamableHTTPClientTransport(new URL("/mcp", options.url), { requestInit: { headers: { Authorization: `Bearer ${options.token}` } } }));
  console.log(JSON.stringify(await scenario(client)));
  await client.close();
  process.exit(0);
} catch (error) {
  fail(error?.message ?? String(error));
}
