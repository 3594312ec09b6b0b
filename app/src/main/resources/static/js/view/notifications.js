// The notifications inbox (PROTOCOL.md section 6): a top-bar button with the unread count,
// a panel of the user's notifications (stored history, newest first, and live ones from
// /user/queue/notifications), and toasts for trade and system notifications.
import { playChime } from "./sound.js";

const PAGE = 50;
const TOAST_MS = 10000;
const TOASTED = new Set(["trade", "system"]);
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function bindNotifications({ api, connection, settings, failed }) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "notifications-button";
  button.setAttribute("aria-haspopup", "dialog");
  button.setAttribute("aria-expanded", "false");
  const bell = bellIcon();
  const count = document.createElement("span");
  count.className = "badge mention";
  count.setAttribute("aria-hidden", "true");
  button.append(bell, count);
  document.querySelector(".top-bar .who").before(button);

  const panel = document.createElement("section");
  panel.className = "notifications-panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", "Notifications");
  panel.hidden = true;
  const header = document.createElement("div");
  header.className = "panel-header";
  const heading = document.createElement("h2");
  heading.textContent = "Notifications";
  const readAll = document.createElement("button");
  readAll.type = "button";
  readAll.textContent = "Mark all read";
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Close";
  header.append(heading, readAll, close);
  const list = document.createElement("ul");
  list.className = "notification-list";
  const more = document.createElement("button");
  more.type = "button";
  more.textContent = "Load older notifications";
  more.hidden = true;
  panel.append(header, list, more);
  document.getElementById("app").append(panel);

  const toasts = document.createElement("div");
  toasts.className = "toasts";
  toasts.setAttribute("role", "status");
  toasts.setAttribute("aria-label", "Live notifications");
  document.body.append(toasts);

  const held = new Map(); // id -> notification
  let unread = 0;
  let hasOlder = false;

  const showCount = () => {
    count.textContent = unread > 99 ? "99+" : String(unread);
    count.hidden = unread === 0;
    button.setAttribute("aria-label", unread ? `Notifications, ${unread} unread` : "Notifications");
    readAll.disabled = unread === 0;
  };

  const render = () => {
    const items = [...held.values()].sort((a, b) => b.id - a.id).map((n) => entry(n, markRead));
    if (items.length === 0) {
      const empty = document.createElement("li");
      empty.className = "empty";
      empty.textContent = "No notifications yet.";
      items.push(empty);
    }
    list.replaceChildren(...items);
    more.hidden = !hasOlder;
    showCount();
  };

  const markRead = async (notification) => {
    if (notification.readAt) return;
    notification.readAt = new Date().toISOString();
    unread = Math.max(0, unread - 1);
    render();
    await api.post(`/api/notifications/${notification.id}/read`).catch(failed);
  };

  const load = async (before) => {
    const query = `limit=${PAGE}` + (before ? `&before=${before}` : "");
    const page = await api.get(`/api/notifications?${query}`);
    if (!before) held.clear();
    for (const n of page.notifications) held.set(n.id, n);
    hasOlder = page.notifications.length === PAGE;
    unread = page.unreadCount;
    render();
  };

  const open = () => {
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    heading.tabIndex = -1;
    heading.focus();
    load().catch(failed);
  };
  const hide = () => {
    if (panel.hidden) return;
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    button.focus();
  };

  button.addEventListener("click", () => (panel.hidden ? open() : hide()));
  close.addEventListener("click", hide);
  // Following a notification to its conversation closes the panel.
  list.addEventListener("click", (event) => {
    if (event.target.closest("a")) hide();
  });
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hide();
  });
  readAll.addEventListener("click", async () => {
    for (const n of held.values()) n.readAt ??= new Date().toISOString();
    unread = 0;
    render();
    await api.post("/api/notifications/read-all").catch(failed);
  });
  more.addEventListener("click", () => {
    const oldest = Math.min(...held.keys());
    load(oldest).catch(failed);
  });

  connection.subscribe("/user/queue/notifications", (event) => {
    if (event.type !== "notification" || held.has(event.id)) return;
    held.set(event.id, event);
    if (!event.readAt) unread += 1;
    render();
    if (settings.get("notificationSound", false)) playChime();
    if (TOASTED.has(event.kind)) toast(toasts, event);
  });
  // What arrived while the connection was down, and reads made in other tabs.
  connection.addEventListener("ready", () => load().catch(failed));
  showCount();
}

function entry(notification, markRead) {
  const item = document.createElement("li");
  item.className = notification.readAt ? "notification" : "notification unread";
  const title = document.createElement("strong");
  title.textContent = notification.title;
  const body = document.createElement("p");
  body.textContent = notification.body;
  const meta = document.createElement("p");
  meta.className = "notification-meta";
  const time = document.createElement("time");
  time.dateTime = notification.createdAt;
  time.textContent = timeFormat.format(new Date(notification.createdAt));
  meta.append(kindName(notification.kind), " · ", time);
  if (!notification.readAt) {
    const spoken = document.createElement("span");
    spoken.className = "visually-hidden";
    spoken.textContent = " · unread";
    meta.append(spoken);
  }
  item.append(title, body, meta);
  const channelId = notification.data?.channelId;
  if (typeof channelId === "number") {
    const go = document.createElement("a");
    go.href = `#channel/${channelId}`;
    go.textContent = "Open the conversation";
    go.addEventListener("click", () => markRead(notification));
    item.append(go);
  }
  if (!notification.readAt) {
    const read = document.createElement("button");
    read.type = "button";
    read.textContent = "Mark read";
    read.setAttribute("aria-label", `Mark read: ${notification.title}`);
    read.addEventListener("click", () => markRead(notification));
    item.append(read);
  }
  return item;
}

function bellIcon() {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "18");
  svg.setAttribute("height", "18");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", "M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z");
  path.setAttribute("fill", "currentColor");
  svg.append(path);
  return svg;
}

function kindName(kind) {
  return { mention: "Mention", direct_message: "Direct message", trade: "Trade", system: "System" }[kind] ?? kind;
}

/** A toast that goes by itself, unless the pointer or the focus is on it. */
function toast(container, notification) {
  const box = document.createElement("div");
  box.className = `toast kind-${notification.kind}`;
  const title = document.createElement("strong");
  title.textContent = notification.title;
  const body = document.createElement("p");
  body.textContent = notification.body;
  const dismiss = document.createElement("button");
  dismiss.type = "button";
  dismiss.className = "dismiss";
  dismiss.textContent = "×";
  dismiss.setAttribute("aria-label", `Dismiss: ${notification.title}`);
  box.append(title, body, dismiss);
  let timer = null;
  const remove = () => {
    clearTimeout(timer);
    box.remove();
  };
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(remove, TOAST_MS);
  };
  dismiss.addEventListener("click", remove);
  box.addEventListener("mouseenter", () => clearTimeout(timer));
  box.addEventListener("mouseleave", arm);
  box.addEventListener("focusin", () => clearTimeout(timer));
  box.addEventListener("focusout", arm);
  container.append(box);
  arm();
}
