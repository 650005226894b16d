// Targets and plugins: what the host serves, and what failed and why.
import { api, readiness } from "/ui/api.js";
import { el, fill, table } from "/ui/dom.js";

export async function targetsView(view) {
  const [targets, ready] = await Promise.all([api("/api/v1/targets"), readiness()]);
  const cache = (t) => (ready[t.name]?.inventory_cache ? `${ready[t.name].inventory_cache}${ready[t.name].cached_objects ? ` (${ready[t.name].cached_objects} objects)` : ""}` : "unknown");
  fill(view, el("h2", {}, "Targets"), table("Configured endpoints", ["Name", "Kind", "Endpoint", "Connection", "Inventory cache", "Last error"],
    targets.map((t) => [t.name, t.kind ?? "not probed yet", t.endpoint, ready[t.name]?.status ?? (t.last_error ? "error" : "unknown"), cache(t), t.last_error ?? ready[t.name]?.error ?? ""])));
}

export async function pluginsView(view, caller) {
  const render = async (message) => {
    const plugins = await api("/api/v1/plugins");
    fill(view, 
      el("h2", {}, "Plugins"),
      caller.scope === "admin" ? el("button", { type: "button", onclick: reload }, "Reload plugins") : null,
      message ? el("p", { class: "muted", role: "status" }, message) : null,
      table("Plugin folders", ["Name", "Version", "State", "Reason"],
        plugins.map((p) => ({ cells: [p.name, p.version ?? "", p.state, p.error ?? ""], attributes: { class: p.state === "failed" ? "failed" : "" } }))));
  };
  const reload = async () => {
    const result = await api("/api/v1/plugins/reload", { method: "POST" });
    await render(`Reloaded: ${JSON.stringify(result)}`);
  };
  await render();
}
