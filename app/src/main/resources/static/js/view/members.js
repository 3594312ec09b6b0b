// The open channel's members in a dialog (Members in the conversation's header): each
// with user name, display name, channel role and presence, kept live by the channel's
// member.joined, member.left and member.updated events (PROTOCOL.md section 3). Channel
// admins and ADMINs add people from the directory and change roles; whoever may moderate
// reaches the same mute, kick and ban actions as the message menu. The server decides.
import { presenceDot } from "../people.js";
import { bindDialog } from "./dialog.js";
import { moderationButtons } from "./moderation.js";

const LIMIT = 100;
const SEARCH_DELAY_MS = 200;
const ROLES = ["admin", "moderator", "member"];
const CONVERSATIONS = new Set(["direct", "group"]);

export function bindMembers({ api, state, me, failed }, people) {
  const dialog = document.getElementById("members");
  const button = document.getElementById("members-button");
  const list = document.getElementById("members-list");
  const filter = document.getElementById("members-filter");
  const count = document.getElementById("members-count");
  const outcome = document.getElementById("members-status");
  const addBox = document.getElementById("members-add");
  const addQuery = document.getElementById("members-add-query");
  const addList = addBox.querySelector("ul");
  const error = dialog.querySelector(".error");
  const workspaceAdmin = me.roles?.includes("ADMIN");
  const dots = new Map(); // user id -> {dot, word}
  const expanded = new Set(); // user ids whose moderation actions are shown
  let channel = null;
  let myRole = null;
  let members = [];
  let loads = 0;
  let searches = 0;
  let reloadTimer = null;
  let searchTimer = null;

  const canManage = () => (workspaceAdmin || myRole === "admin") && !CONVERSATIONS.has(channel?.type);
  const canModerate = () => (workspaceAdmin || ["admin", "moderator"].includes(myRole)) && !CONVERSATIONS.has(channel?.type);

  const load = async () => {
    const mine = ++loads;
    const shown = channel;
    try {
      const query = encodeURIComponent(filter.value.trim());
      const found = await api.get(`/api/channels/${shown.id}/members?query=${query}&limit=${LIMIT}`);
      if (mine !== loads || shown !== channel) return;
      members = found;
      error.textContent = "";
      render();
    } catch (problem) {
      if (problem.status) error.textContent = problem.message;
      else failed(problem);
    }
  };

  const reloadSoon = () => {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(load, 100);
  };

  const render = () => {
    people.remember(members.map(({ id, username, displayName }) => ({ id, username, displayName })));
    people.watch(members.map((member) => member.id));
    const focused = document.activeElement;
    const focusKey = list.contains(focused) ? focused.dataset.key : null;
    dots.clear();
    list.replaceChildren(...members.map(row));
    if (focusKey) list.querySelector(`[data-key="${focusKey}"]`)?.focus();
    const filtered = filter.value.trim() !== "";
    if (members.length === 0) count.textContent = filtered ? "No member has that name." : "No members.";
    else if (members.length >= LIMIT) count.textContent = `The first ${LIMIT}; find the others by name.`;
    else count.textContent = `${members.length} ${members.length === 1 ? "member" : "members"}${filtered ? " found" : ""}.`;
  };

  const row = (member) => {
    const item = document.createElement("li");
    item.dataset.userId = String(member.id);
    const who = document.createElement("div");
    who.className = "member-who";
    const status = people.status(member.id);
    const dot = presenceDot(status);
    const name = document.createElement("span");
    name.className = "member-name";
    name.textContent = member.displayName && member.displayName !== member.username ? `${member.username} (${member.displayName})` : member.username;
    const role = document.createElement("span");
    role.className = "member-role";
    role.textContent = member.role;
    const word = document.createElement("span");
    word.className = "member-role";
    word.textContent = status ?? "";
    dots.set(member.id, { dot, word });
    who.append(dot, name, role, word);
    item.append(who);
    if (member.id === me.id) return item;
    const controls = document.createElement("div");
    controls.className = "member-controls";
    if (canManage()) controls.append(roleSelect(member));
    if (canModerate()) {
      const toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "tool";
      toggle.textContent = "Moderate";
      toggle.dataset.key = `moderate-${member.id}`;
      toggle.setAttribute("aria-label", `Moderate ${member.username}`);
      const actions = document.createElement("div");
      actions.className = "member-moderation";
      const show = (open) => {
        actions.hidden = !open;
        if (open) expanded.add(member.id);
        else expanded.delete(member.id);
        toggle.setAttribute("aria-expanded", String(open));
      };
      show(expanded.has(member.id));
      actions.append(...moderationButtons(api, { id: channel.id, name: channel.name }, member, outcome, failed));
      toggle.addEventListener("click", () => {
        show(actions.hidden);
        if (!actions.hidden) actions.querySelector("button")?.focus();
      });
      // Escape folds open actions away first, as a menu would; only then the dialog.
      item.addEventListener("keydown", (event) => {
        if (event.key !== "Escape" || actions.hidden) return;
        event.preventDefault();
        show(false);
        toggle.focus();
      });
      controls.append(toggle);
      item.append(controls, actions);
      return item;
    }
    if (controls.childElementCount) item.append(controls);
    return item;
  };

  const roleSelect = (member) => {
    const select = document.createElement("select");
    select.dataset.key = `role-${member.id}`;
    select.setAttribute("aria-label", `Role of ${member.username}`);
    for (const role of ROLES) select.append(new Option(role, role, false, role === member.role));
    select.addEventListener("change", async () => {
      const wanted = select.value;
      try {
        await api.patch(`/api/channels/${channel.id}/members/${member.id}`, { role: wanted });
        outcome.textContent = `${member.username} is now ${wanted}.`;
      } catch (problem) {
        select.value = member.role;
        outcome.textContent = `Refused: ${problem.message}`;
        if (!problem.status) failed(problem);
      }
    });
    return select;
  };

  const search = async () => {
    const mine = ++searches;
    const query = addQuery.value.trim();
    if (!query) {
      addList.replaceChildren();
      return;
    }
    try {
      const found = await people.search(query);
      if (mine !== searches) return;
      const present = new Set(members.map((member) => member.id));
      addList.replaceChildren(...found.filter((entry) => !present.has(entry.id)).map(candidate));
    } catch (problem) {
      if (problem.status) error.textContent = problem.message;
      else failed(problem);
    }
  };

  const candidate = (entry) => {
    const item = document.createElement("li");
    const who = document.createElement("div");
    who.className = "member-who";
    const name = document.createElement("span");
    name.textContent = entry.displayName && entry.displayName !== entry.username ? `${entry.username} (${entry.displayName})` : entry.username;
    who.append(presenceDot(people.status(entry.id)), name);
    const add = document.createElement("button");
    add.type = "button";
    add.className = "tool";
    add.textContent = `Add ${entry.username}`;
    add.addEventListener("click", async () => {
      add.disabled = true;
      try {
        await api.post(`/api/channels/${channel.id}/members`, { userId: entry.id });
        outcome.textContent = `${entry.username} was added.`;
        item.remove();
        addQuery.focus();
        reloadSoon();
      } catch (problem) {
        add.disabled = false;
        outcome.textContent = `Refused: ${problem.message}`;
        if (!problem.status) failed(problem);
      }
    });
    item.append(who, add);
    return item;
  };

  const learnMyRole = async () => {
    if (workspaceAdmin) return;
    const shown = channel;
    const mine = (await api.get("/api/channels")).find((c) => c.id === shown.id);
    if (shown !== channel) return;
    myRole = mine?.role ?? null;
    addBox.hidden = !canManage();
    // Not before the list is in: an empty one would say "No members." for a moment.
    if (members.length) render();
  };

  bindDialog(dialog, button, () => {
    const open = state.openChannel();
    channel = open ? { id: open.id, name: open.name, type: open.type } : null;
    if (!channel) return dialog.close();
    document.getElementById("members-channel").textContent = `In ${channel.name}`;
    myRole = null;
    members = [];
    expanded.clear();
    filter.value = "";
    addQuery.value = "";
    addList.replaceChildren();
    list.replaceChildren();
    count.textContent = "";
    outcome.textContent = "";
    addBox.hidden = !canManage();
    filter.focus();
    load();
    learnMyRole().catch(failed);
  });
  dialog.addEventListener("close", () => {
    channel = null;
    clearTimeout(reloadTimer);
  });

  filter.addEventListener("input", () => {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(load, SEARCH_DELAY_MS);
  });
  addQuery.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(search, SEARCH_DELAY_MS);
  });
  for (const field of [filter, addQuery]) {
    field.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault();
    });
  }

  people.addEventListener("change", () => {
    for (const [id, { dot, word }] of dots) {
      const status = people.status(id);
      dot.dataset.status = status ?? "unknown";
      word.textContent = status ?? "";
    }
  });

  state.addEventListener("channel-event", (event) => {
    const { channel: where, event: what } = event.detail;
    if (!channel || where.id !== channel.id || !what.type?.startsWith("member.")) return;
    if (what.type === "member.updated" && what.member?.userId === me.id) myRole = what.member.role;
    if (what.type === "member.left" && what.member?.userId === me.id) return dialog.close();
    addBox.hidden = !canManage();
    reloadSoon();
  });

  state.addEventListener("change", () => {
    button.hidden = !state.openChannel();
    if (channel && state.openChannelId !== channel.id) dialog.close();
  });
}
