// The Admin dialog, shown to ADMINs only: post an announcement, read the workspace's
// audit log, list, create and disable accounts, define badges and give them
// (PROTOCOL.md sections 3.3, 7 and 8). The server checks the role on every call.
import { topBarDialog } from "./dialog.js";
import { timeElement } from "./dom.js";

const AUDIT_PAGE = 50;

export function bindAdmin(context) {
  if (!context.me.roles?.includes("ADMIN")) return;
  topBarDialog({ button: "Admin", heading: "Administration", className: "admin-dialog" }, [
    announcementSection(context),
    auditSection(context),
    usersSection(context),
    badgesSection(context),
  ]);
}

/** A collapsible part of the dialog; `opened` runs each time it opens. */
function section(title, opened) {
  const details = document.createElement("details");
  const summary = document.createElement("summary");
  summary.textContent = title;
  details.append(summary);
  if (opened) details.addEventListener("toggle", () => details.open && opened());
  return details;
}

function field(labelText, input) {
  const label = document.createElement("label");
  label.className = "field";
  label.append(labelText, input);
  return label;
}

function input(type, attributes = {}) {
  const element = document.createElement(type === "textarea" ? "textarea" : "input");
  if (type !== "textarea") element.type = type;
  Object.assign(element, attributes);
  return element;
}

function submitButton(text) {
  const button = document.createElement("button");
  button.type = "submit";
  button.textContent = text;
  return button;
}

function outcomeLine() {
  const line = document.createElement("p");
  line.className = "hint";
  line.setAttribute("role", "status");
  return line;
}

/** Runs a form's action, saying what came of it. */
function handle(form, outcome, run) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    outcome.textContent = "";
    try {
      outcome.textContent = await run();
    } catch (error) {
      outcome.textContent = `Refused: ${error.message}`;
    }
  });
}

function announcementSection({ api }) {
  const details = section("Post an announcement");
  const form = document.createElement("form");
  const title = input("text", { required: true, maxLength: 200 });
  const body = input("textarea", { required: true, maxLength: 4000, rows: 3 });
  const severity = document.createElement("select");
  for (const value of ["info", "warning", "critical"]) severity.append(new Option(value[0].toUpperCase() + value.slice(1), value));
  const outcome = outcomeLine();
  form.append(field("Title", title), field("Text", body), field("Severity", severity), submitButton("Post announcement"), outcome);
  handle(form, outcome, async () => {
    await api.post("/api/announcements", { title: title.value, body: body.value, severity: severity.value });
    form.reset();
    return "Posted.";
  });
  details.append(form);
  return details;
}

function auditSection({ api, state, failed }) {
  const list = document.createElement("ol");
  list.className = "audit-list";
  const more = document.createElement("button");
  more.type = "button";
  more.textContent = "Older entries";
  more.hidden = true;
  let oldest = null;
  const load = async (before) => {
    const entries = await api.get(`/api/audit?limit=${AUDIT_PAGE}` + (before ? `&before=${before}` : ""));
    const items = entries.map((e) => {
      const item = document.createElement("li");
      const time = timeElement(e.createdAt);
      const what = [e.actor?.username, e.action.replaceAll("_", " "), e.target?.username].filter(Boolean).join(" ");
      const where = state.channels.get(e.channelId)?.name ?? `channel ${e.channelId}`;
      item.append(time, ` ${what} in ${where}` + (e.reason ? `: ${e.reason}` : ""));
      return item;
    });
    if (before) list.append(...items);
    else list.replaceChildren(...items);
    if (!before && items.length === 0) list.replaceChildren(Object.assign(document.createElement("li"), { textContent: "Nothing recorded yet." }));
    oldest = entries.at(-1)?.id ?? oldest;
    more.hidden = entries.length < AUDIT_PAGE;
  };
  const details = section("Audit log", () => load().catch(failed));
  more.addEventListener("click", () => load(oldest).catch(failed));
  details.append(list, more);
  return details;
}

function usersSection({ api, failed }) {
  let badges = [];
  const search = document.createElement("form");
  search.className = "user-search";
  const query = input("search", { maxLength: 100 });
  search.append(field("Find accounts", query), submitButton("Search"));
  const table = document.createElement("table");
  table.className = "user-table";
  const caption = document.createElement("caption");
  caption.textContent = "Accounts";
  const head = table.createTHead().insertRow();
  for (const text of ["User", "Roles", "Status", ""]) head.append(Object.assign(document.createElement("th"), { textContent: text }));
  const rows = table.createTBody();
  table.prepend(caption);
  const outcome = outcomeLine();

  let lists = 0;
  const list = async () => {
    // Only the latest search's answer shows, whichever answer comes last.
    const mine = ++lists;
    const [page, all] = await Promise.all([api.get(`/api/admin/users?query=${encodeURIComponent(query.value.trim())}&page=0`), api.get("/api/badges")]);
    if (mine !== lists) return;
    badges = all;
    rows.replaceChildren(...page.users.map((account) => row(account)));
  };

  const row = (account) => {
    const tr = document.createElement("tr");
    const name = tr.insertCell();
    name.textContent = account.displayName && account.displayName !== account.username ? `${account.username} (${account.displayName})` : account.username;
    tr.insertCell().textContent = account.roles.join(", ") || "member";
    tr.insertCell().textContent = account.disabled ? "Disabled" : "Enabled";
    const actions = tr.insertCell();
    const toggle = document.createElement("button");
    toggle.type = "button";
    toggle.textContent = `${account.disabled ? "Enable" : "Disable"} ${account.username}`;
    toggle.addEventListener("click", async () => {
      try {
        const changed = await api.patch(`/api/admin/users/${account.id}`, { disabled: !account.disabled });
        tr.replaceWith(row(changed));
        outcome.textContent = `${changed.username} is ${changed.disabled ? "disabled" : "enabled"}.`;
      } catch (error) {
        outcome.textContent = `Refused: ${error.message}`;
      }
    });
    actions.append(toggle);
    if (badges.length) actions.append(badgePicker(api, account, badges, outcome));
    return tr;
  };

  search.addEventListener("submit", (event) => {
    event.preventDefault();
    list().catch(failed);
  });

  const create = document.createElement("form");
  create.className = "create-user";
  const username = input("text", { required: true, maxLength: 32, pattern: "[a-z0-9_.\\-]{1,32}", autocomplete: "off" });
  const password = input("password", { required: true, minLength: 10, maxLength: 256, autocomplete: "new-password" });
  const displayName = input("text", { maxLength: 100 });
  const roles = document.createElement("fieldset");
  roles.append(Object.assign(document.createElement("legend"), { textContent: "Roles" }));
  const roleBoxes = ["ADMIN", "MODERATOR", "PUBLISHER"].map((role) => {
    const box = input("checkbox", { value: role });
    const label = document.createElement("label");
    label.className = "choice";
    label.append(box, ` ${role[0]}${role.slice(1).toLowerCase()}`);
    roles.append(label);
    return box;
  });
  const created = outcomeLine();
  create.append(field("New user name", username), field("New password", password), field("Display name", displayName), roles, submitButton("Create account"), created);
  handle(create, created, async () => {
    const body = { username: username.value, password: password.value, roles: roleBoxes.filter((b) => b.checked).map((b) => b.value) };
    if (displayName.value.trim()) body.displayName = displayName.value.trim();
    const account = await api.post("/api/admin/users", body);
    create.reset();
    await list();
    return `${account.username} was created.`;
  });

  const details = section("Users", () => list().catch(failed));
  details.append(search, table, outcome, create);
  return details;
}

/** Checkboxes of every badge; saving replaces the account's badges with those ticked. */
function badgePicker(api, account, badges, outcome) {
  const picker = document.createElement("details");
  picker.className = "badge-picker";
  const summary = document.createElement("summary");
  summary.textContent = `Badges for ${account.username}`;
  const form = document.createElement("form");
  const boxes = badges.map((badge) => {
    const box = input("checkbox", { value: String(badge.id) });
    const label = document.createElement("label");
    label.className = "choice";
    label.append(box, ` ${badge.name}`);
    form.append(label);
    return box;
  });
  form.append(submitButton(`Give badges to ${account.username}`));
  handle(form, outcome, async () => {
    const given = await api.put(`/api/admin/users/${account.id}/badges`, { badgeIds: boxes.filter((b) => b.checked).map((b) => Number(b.value)) });
    return `${account.username} has ${given.badges.map((b) => b.name).join(", ") || "no badges"}.`;
  });
  picker.append(summary, form);
  return picker;
}

function badgesSection({ api, failed }) {
  const list = document.createElement("ul");
  list.className = "badge-list";
  const load = async () => {
    const badges = await api.get("/api/badges");
    list.replaceChildren(
      ...badges.map((badge) => {
        const item = document.createElement("li");
        const swatch = document.createElement("span");
        swatch.className = "swatch";
        swatch.style.backgroundColor = badge.color;
        swatch.setAttribute("aria-hidden", "true");
        item.append(swatch, ` ${badge.name} (${badge.color}, priority ${badge.priority})`);
        return item;
      }),
    );
  };
  const form = document.createElement("form");
  const name = input("text", { required: true, maxLength: 40 });
  const color = input("color", { defaultValue: "#2e7d32" });
  const priority = input("number", { required: true, defaultValue: "0", step: "1" });
  const outcome = outcomeLine();
  form.append(field("Badge name", name), field("Colour", color), field("Priority", priority), submitButton("Define badge"), outcome);
  handle(form, outcome, async () => {
    const badge = await api.post("/api/admin/badges", { name: name.value, color: color.value, priority: Number(priority.value) });
    form.reset();
    await load();
    return `${badge.name} is defined; give it to someone under Users.`;
  });
  const details = section("Badges", () => load().catch(failed));
  details.append(list, form);
  return details;
}
