// The notifications inbox (PROTOCOL.md section 6): a top-bar button with the unread count,
// a panel of the user's notifications (stored history, newest first, and live ones from
// /user/queue/notifications), and toasts for trade and system notifications.
import { button as buttonOf, element, timeElement } from "./dom.js";
import { playChime } from "./sound.js";

const PAGE = 50;
const TOAST_MS = 10000;
const TOASTED = new Set(["trade", "system"]);

export function bindNotifications({ api, connection, settings, failed }) {
  const count = element("span", { className: "badge mention", "aria-hidden": "true" });
  const button = element(
    "button",
    { type: "button", className: "notifications-button", "aria-haspopup": "dialog", "aria-expanded": "false" },
    bellIcon(),
    count,
  );
  document.querySelector(".top-bar .who").before(button);

  const heading = element("h2", { textContent: "Notifications" });
  const readAll = buttonOf("Mark all read");
  const close = buttonOf("Close");
  const list = element("ul", { className: "notification-list" });
  const more = buttonOf("Load older notifications", { hidden: true });
  const panel = element(
    "section",
    { className: "notifications-panel", role: "dialog", "aria-label": "Notifications", hidden: true },
    element("div", { className: "panel-header" }, heading, readAll, close),
    list,
    more,
  );
  document.getElementById("app").append(panel);

  const toasts = element("div", { className: "toasts", role: "status", "aria-label": "Live notifications" });
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
      items.push(element("li", { className: "empty", textContent: "No notifications yet." }));
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
  const unread = !notification.readAt;
  const item = element(
    "li",
    { className: unread ? "notification unread" : "notification" },
    element("strong", { textContent: notification.title }),
    element("p", { textContent: notification.body }),
    element(
      "p",
      { className: "notification-meta" },
      kindName(notification.kind),
      " · ",
      timeElement(notification.createdAt),
      ...(unread ? [element("span", { className: "visually-hidden", textContent: " · unread" })] : []),
    ),
  );
  const channelId = notification.data?.channelId;
  if (typeof channelId === "number") {
    const go = element("a", { href: `#channel/${channelId}`, textContent: "Open the conversation" });
    go.addEventListener("click", () => markRead(notification));
    item.append(go);
  }
  if (unread) {
    const read = buttonOf("Mark read", { "aria-label": `Mark read: ${notification.title}` });
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
  const dismiss = buttonOf("×", { className: "dismiss", "aria-label": `Dismiss: ${notification.title}` });
  const box = element(
    "div",
    { className: `toast kind-${notification.kind}` },
    element("strong", { textContent: notification.title }),
    element("p", { textContent: notification.body }),
    dismiss,
  );
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
