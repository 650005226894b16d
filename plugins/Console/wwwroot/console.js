// Sign-in, the caller's rights, and the view named by the URL's hash. Each view is a function that
// renders into a container and may return a stop function for its live streams.
import { api, token, ApiError } from "/ui/api.js";
import { el } from "/ui/dom.js";
import { targetsView, pluginsView } from "/ui/views/infrastructure.js";
import { vmsView } from "/ui/views/vms.js";
import { alarmsView, tasksView } from "/ui/views/operations.js";
import { auditView, approvalsView } from "/ui/views/governance.js";

const views = {
  targets: targetsView,
  plugins: pluginsView,
  vms: vmsView,
  alarms: alarmsView,
  tasks: tasksView,
  audit: auditView,
  approvals: approvalsView,
};
const adminOnly = new Set(["audit", "approvals"]);
const $ = (id) => document.getElementById(id);
let caller = null;
let stop = null;

async function signIn(value) {
  token.set(value);
  try {
    caller = await api("/api/v1/caller");
  } catch (error) {
    token.clear();
    caller = null;
    throw error;
  }
}

function showSignIn(message = "") {
  $("sign-in").hidden = false;
  $("nav").hidden = true;
  $("who").hidden = true;
  $("view").replaceChildren();
  $("sign-in-error").textContent = message;
  $("token").focus();
}

async function show() {
  stop?.();
  stop = null;
  if (!caller) return showSignIn();
  $("sign-in").hidden = true;
  $("nav").hidden = false;
  $("who").hidden = false;
  $("caller").textContent = `${caller.name} (${caller.scope})`;
  for (const link of $("nav").querySelectorAll("[data-scope=admin]")) link.hidden = caller.scope !== "admin";
  const name = location.hash.replace(/^#\//, "") || "vms";
  for (const link of $("nav").querySelectorAll("a")) link.toggleAttribute("aria-current", link.getAttribute("href") === `#/${name}`);
  const view = $("view");
  if (!views[name] || (adminOnly.has(name) && caller.scope !== "admin")) {
    view.replaceChildren(el("p", { class: "error" }, `There is no view '${name}' for this token.`));
    return;
  }
  view.replaceChildren(el("p", { class: "muted" }, "Loading…"));
  try {
    stop = await views[name](view, caller);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      caller = null;
      token.clear();
      return showSignIn("The token was refused; sign in again.");
    }
    view.replaceChildren(el("p", { class: "error", role: "alert" }, error.message));
  }
}

$("sign-in").addEventListener("submit", async (event) => {
  event.preventDefault();
  try {
    await signIn($("token").value.trim());
    $("token").value = "";
    await show();
  } catch (error) {
    showSignIn(error instanceof ApiError && error.status === 401 ? "That token is not valid." : error.message);
  }
});
$("sign-out").addEventListener("click", () => {
  token.clear();
  caller = null;
  show();
});
window.addEventListener("hashchange", show);

if (token.get()) {
  signIn(token.get()).then(show, () => showSignIn());
} else {
  showSignIn();
}
