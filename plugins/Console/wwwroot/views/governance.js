// The audit log (filters; before and after of each change) and approvals (approve or deny, admins only).
import { api } from "/ui/api.js";
import { el, fill, table, when } from "/ui/dom.js";

const q = encodeURIComponent;
const state = (s) => (s ? `${s.power_state ?? ""} ${s.num_cpu ?? ""} vCPU ${s.memory_mib ?? ""} MiB` : "");

export async function auditView(view) {
  const list = el("div");
  const filters = el("form", { class: "filters", role: "search", onsubmit: (e) => { e.preventDefault(); load(new FormData(e.target)); } },
    el("label", {}, "Token ", el("input", { name: "token" })),
    el("label", {}, "VM ", el("input", { name: "vm" })),
    el("label", {}, "Outcome ", el("select", { name: "outcome" }, ["", "ok", "refused", "failed", "pending", "started", "unknown", "preview"].map((o) => el("option", { value: o }, o || "any")))),
    el("button", { type: "submit" }, "Filter"));
  fill(view, el("h2", {}, "Audit log"), filters, list);
  async function load(form) {
    const query = [...(form ?? new FormData()).entries()].filter(([, v]) => v).map(([k, v]) => `${k}=${q(v)}`).join("&");
    const records = await api(`/api/v1/audit?limit=200${query ? "&" + query : ""}`);
    fill(list, table("Changes, newest first", ["Time", "Token", "Operation", "VM", "Outcome", "Before", "After", "Error"],
      records.map((r) => [when(r.time), r.token, r.operation, r.vm ?? "", r.outcome, state(r.before), state(r.after), r.error ?? ""])));
  }
  await load();
}

export async function approvalsView(view) {
  const render = async (message) => {
    const approvals = await api("/api/v1/approvals?state=pending");
    fill(view, 
      el("h2", {}, "Approvals"),
      message ? el("p", { class: "muted", role: "status" }, message) : null,
      approvals.length === 0 ? el("p", { class: "muted" }, "Nothing waits for approval.") : null,
      table("Requests waiting for a human", ["Requested", "By", "Operation", "Target", "Subject", "Rule", "Decision"],
        approvals.map((a) => ({
          cells: [when(a.created), a.token, a.operation, a.target, a.subject ?? "", a.rule,
            el("span", { class: "actions" },
              el("button", { type: "button", onclick: () => decide(a, "approve") }, "Approve"),
              el("button", { type: "button", class: "secondary", onclick: () => decide(a, "deny") }, "Deny"))],
          attributes: { "data-approval": a.id },
        }))));
  };
  const decide = async (approval, decision) => {
    try {
      await api(`/api/v1/approvals/${q(approval.id)}/${decision}`, { method: "POST", body: { reason: `${decision}d in the console` } });
      await render(`${approval.operation}: ${decision === "approve" ? "approved" : "denied"}.`);
    } catch (error) {
      await render(error.message);
    }
  };
  await render();
}
