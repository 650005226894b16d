// VMs: search and filters as list_vms has them, power state and address kept live by the target's event
// stream (a change made in vCenter behind the host's back shows without a reload), and a detail pane.
import { api, serverEvents } from "/ui/api.js";
import { el, fill, table, sparkline } from "/ui/dom.js";

const q = encodeURIComponent;

export async function vmsView(view) {
  const targets = await api("/api/v1/targets");
  const state = { target: targets[0]?.name ?? "", name: "", power: "" };
  const list = el("div");
  const detail = el("aside", { class: "detail", "aria-label": "VM detail" }, el("p", { class: "muted" }, "Choose a VM to see its hardware, snapshots and CPU over the last hour."));
  const search = el("form", { class: "filters", role: "search", onsubmit: (e) => { e.preventDefault(); state.name = e.target.name.value; state.power = e.target.power.value; state.target = e.target.target.value; load(); } },
    el("label", {}, "Target ", el("select", { name: "target" }, targets.map((t) => el("option", { value: t.name }, t.name)))),
    el("label", {}, "Name ", el("input", { name: "name", type: "search", placeholder: "web-*" })),
    el("label", {}, "Power ", el("select", { name: "power" }, ["", "poweredOn", "poweredOff", "suspended"].map((p) => el("option", { value: p }, p || "any")))),
    el("button", { type: "submit" }, "Search"));
  const live = el("span", { class: "muted", "data-live": "connecting" }, "connecting to live changes…");
  fill(view, el("h2", {}, "VMs ", live), search, el("div", { class: "split" }, list, detail));

  const rowFor = (vm) => ({
    cells: [el("button", { type: "button", class: "link", onclick: () => showDetail(vm) }, vm.name), vm.power_state, vm.ip_address ?? "", vm.host ?? "", vm.cluster ?? "", `${vm.num_cpu} vCPU, ${vm.memory_mib} MiB`],
    attributes: { "data-vm": vm.name, "data-id": vm.id, "data-power": vm.power_state },
  });

  async function load() {
    const query = `target=${q(state.target)}` + (state.name ? `&name=${q(state.name)}` : "") + (state.power ? `&power_state=${q(state.power)}` : "");
    const page = await api(`/api/v1/vms?${query}`);
    fill(list, table(`${page.total} VMs on ${state.target}`, ["Name", "Power", "Address", "Host", "Cluster", "Size"], page.items.map(rowFor)));
  }

  // An event can arrive before the inventory cache has the change, so the row is read live by id (get_vm).
  async function refreshRow(name) {
    const row = [...list.querySelectorAll("tr[data-vm]")].find((r) => r.dataset.vm === name);
    if (!row) return;
    let vm;
    try {
      vm = await api(`/api/v1/vms/${q(row.dataset.id)}?target=${q(state.target)}`);
    } catch (error) {
      if (error.status === 404) return row.remove();
      throw error;
    }
    const fresh = rowFor(vm);
    row.dataset.vm = vm.name;
    row.dataset.power = vm.power_state;
    row.replaceChildren(...fresh.cells.map((c) => el("td", {}, c)));
  }

  async function showDetail(vm) {
    fill(detail, el("p", { class: "muted" }, "Loading…"));
    const [full, history] = await Promise.all([
      api(`/api/v1/vms/${q(vm.id)}?target=${q(state.target)}`),
      api(`/metrics/v1/vm/${q(vm.name)}/history?minutes=60&target=${q(state.target)}`).catch(() => []),
    ]);
    fill(detail, 
      el("h3", {}, full.name),
      el("dl", {},
        el("dt", {}, "Power"), el("dd", {}, full.power_state),
        el("dt", {}, "Guest"), el("dd", {}, full.guest_full_name ?? full.guest_id ?? ""),
        el("dt", {}, "Hardware"), el("dd", {}, `${full.num_cpu} vCPU, ${full.memory_mib} MiB, ${full.hardware_version ?? ""}`),
        el("dt", {}, "Placement"), el("dd", {}, [full.host, full.cluster, full.folder].filter(Boolean).join(" · ")),
        el("dt", {}, "Disks"), el("dd", {}, (full.disks ?? []).map((d) => `${d.label ?? d.key}: ${d.capacity_gb ?? "?"} GB`).join(", ")),
        el("dt", {}, "Snapshots"), el("dd", {}, (full.snapshots ?? []).map((s) => s.name).join(", ") || "none"),
        el("dt", {}, "CPU, last hour"), el("dd", {}, history.length ? sparkline(history.map((h) => h.cpu_usage_percent ?? 0), "CPU usage") : "no samples yet")));
  }

  await load();
  const abort = new AbortController();
  (async () => {
    for await (const { type, data } of serverEvents(`/api/v1/events/stream?target=${q(state.target)}`, abort.signal)) {
      if (type === "ready") {
        live.dataset.live = "watching";
        live.textContent = "● live";
      } else if (type === "event" && data.vm) {
        await refreshRow(data.vm);
      }
    }
  })().catch((error) => {
    if (abort.signal.aborted) return;
    live.dataset.live = "lost";
    live.textContent = `live changes stopped: ${error.message}`;
  });
  return () => abort.abort();
}
