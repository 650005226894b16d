// The operator console in a real browser: Debian's Chromium driven by playwright-core. Signs in from the
// keyboard, sees the VMs, waits for a power change the test makes behind the host's back to arrive without
// a reload, sees a failed plugin's reason, approves a pending request, checks a read token sees no admin
// views, and saves a screenshot of each view. Fails on any console error. Prints "step: <name>" as it goes
// (the test acts on "step: vms-live") and "ok" at the end.
//
//   node console.mjs --url https://127.0.0.1:8443 --admin TOKEN --reader TOKEN --vm DC0_H0_VM0 --markup-vm NAME --screenshots DIR
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const { values: options } = parseArgs({
  options: {
    url: { type: "string" }, admin: { type: "string" }, reader: { type: "string" }, vm: { type: "string" },
    "markup-vm": { type: "string" }, screenshots: { type: "string" },
  },
});
mkdirSync(options.screenshots, { recursive: true });
const timeout = 60_000;
const problems = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

async function signedIn(token, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  page.on("console", (message) => { if (message.type() === "error") problems.push(`console: ${message.text()}`); });
  page.on("pageerror", (error) => problems.push(`page: ${error.message}`));
  await page.goto(new URL("/ui", options.url).toString());
  await page.locator("#token:focus").waitFor(); // the sign-in field has the focus: type, then Enter
  await page.keyboard.type(token);
  await page.keyboard.press("Enter");
  await page.locator("#caller").filter({ hasText: "(" }).waitFor();
  return page;
}

const step = (name) => console.log(`step: ${name}`);
const shot = (page, name) => page.screenshot({ path: `${options.screenshots}/${name}.png`, fullPage: true });
const view = async (page, name) => {
  await page.locator(`nav a[href="#/${name}"]`).click();
  await page.locator("#view h2").first().waitFor();
  await page.locator("#view .muted", { hasText: "Loading" }).waitFor({ state: "detached" });
  const text = await page.locator("#view").innerText();
  if (/\b(null|undefined|NaN)\b|\[object /.test(text)) problems.push(`the ${name} view shows a JavaScript placeholder: ${text.slice(0, 200)}`);
};

try {
  const admin = await signedIn(options.admin);
  const row = (power) => admin.locator(`tr[data-vm="${options.vm}"]${power ? `[data-power="${power}"]` : ""}`);
  await row().waitFor();
  await admin.locator('[data-live="watching"]').waitFor();
  const markup = admin.locator("tr[data-vm]").filter({ hasText: options["markup-vm"] });
  await markup.waitFor();
  if ((await admin.locator("#view img").count()) > 0) problems.push("a VM name was rendered as markup");
  await shot(admin, "vms");
  step("vms-live");

  await row("poweredOff").waitFor();
  step("power-change-shown");
  await row().locator("button").click();
  await admin.locator(".detail h3", { hasText: options.vm }).waitFor();
  await shot(admin, "vm-detail");

  await view(admin, "plugins");
  const failed = admin.locator("tr.failed");
  await failed.first().waitFor();
  step(`failed-plugin ${(await failed.first().innerText()).replaceAll("\t", " | ").replaceAll("\n", " ")}`);
  await shot(admin, "plugins");

  await view(admin, "approvals");
  await admin.locator("tr[data-approval]").first().waitFor();
  await shot(admin, "approvals");
  await admin.locator("tr[data-approval]").first().getByRole("button", { name: "Approve" }).click();
  await admin.getByRole("status").filter({ hasText: "approved" }).waitFor();
  step("approved");

  for (const name of ["targets", "alarms", "tasks", "audit"]) {
    await view(admin, name);
    await shot(admin, name);
  }
  await view(admin, "targets");
  await admin.locator("td", { hasText: /^(warm|cold)/ }).first().waitFor(); // the inventory cache's state
  step("targets-show-cache-state");

  await admin.setViewportSize({ width: 390, height: 844 });
  await view(admin, "vms");
  await row().waitFor();
  await shot(admin, "vms-phone");

  const reader = await signedIn(options.reader);
  await reader.locator(`tr[data-vm="${options.vm}"]`).waitFor();
  for (const name of ["audit", "approvals"]) {
    if (await reader.locator(`nav a[href="#/${name}"]`).isVisible()) problems.push(`a read token sees the ${name} view`);
  }
  step("reader-sees-no-admin-views");
} catch (error) {
  problems.push(`step failed: ${error.message}`);
} finally {
  await browser.close();
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("ok");
