// Alarms and events (live from each target's event stream), and tasks.
import { api, serverEvents } from "/ui/api.js";
import { el, fill, table, when } from "/ui/dom.js";

export async function alarmsView(view) {
  const targets = await api("/api/v1/targets");
  const alarms = (await Promise.all(targets.map((t) => api(`/api/v1/alarms?target=${encodeURIComponent(t.name)}`).catch(() => [])))).flat();
  const events = (await Promise.all(targets.map((t) => api(`/api/v1/events?target=${encodeURIComponent(t.name)}&limit=50`).then((p) => p.items).catch(() => [])))).flat();
  const eventRow = (e) => [when(e.created_time), e.severity, e.type, e.vm ?? e.host ?? "", e.message ?? ""];
  const eventTable = table("Events, newest first (live)", ["Time", "Severity", "Type", "Object", "Message"], events.map(eventRow));
  fill(view, 
    el("h2", {}, "Alarms"),
    table("Triggered alarms", ["Alarm", "Object", "Status", "Since", "Acknowledged"],
      alarms.map((a) => [a.alarm_name ?? a.alarm_id, a.entity_name ?? a.entity_id, a.status, when(a.time), a.acknowledged ? "yes" : "no"])),
    el("h2", {}, "Events"), eventTable);
  const body = eventTable.querySelector("tbody");
  const abort = new AbortController();
  for (const t of targets) {
    (async () => {
      for await (const { type, data } of serverEvents(`/api/v1/events/stream?target=${encodeURIComponent(t.name)}`, abort.signal)) {
        if (type === "event") body.prepend(el("tr", {}, eventRow(data).map((c) => el("td", {}, c))));
      }
    })().catch(() => {});
  }
  return () => abort.abort();
}

export async function tasksView(view) {
  const targets = await api("/api/v1/targets");
  const tasks = (await Promise.all(targets.map((t) => api(`/api/v1/tasks?target=${encodeURIComponent(t.name)}`).catch(() => [])))).flat();
  fill(view, el("h2", {}, "Tasks"), table("Recent and running tasks", ["Task", "Object", "State", "Progress", "Started", "Ended", "Error"],
    tasks.map((t) => [t.name ?? t.id, t.entity_name ?? "", t.state, t.progress ?? "", when(t.start_time), when(t.complete_time), t.error ?? ""])));
}
