// The announcements banner (PROTOCOL.md section 7): what the workspace's admins posted,
// newest first, live from /topic/announcements and caught up with GET
// /api/announcements after every (re)connect. Dismissed ones are remembered in the
// user's settings, so that they stay dismissed in every browser.
import { button, element, timeElement } from "./dom.js";

const PAGE = 100;
const SHOWN = 5; // the newest few; older ones are history, not news
const REMEMBERED = 100; // dismissed ids kept in the settings

export function bindAnnouncements({ api, connection, settings, failed }) {
  // New ones are read out as they arrive, without interrupting.
  const list = element("div", { className: "announcement-list", "aria-live": "polite" });
  const banner = element("section", { className: "announcements", role: "region", "aria-label": "Announcements", hidden: true }, list);
  document.querySelector(".conversation").prepend(banner);

  const known = new Map(); // id -> announcement
  let lastId = 0;

  const dismissed = () => new Set(settings.get("dismissedAnnouncements", []));

  const render = () => {
    const gone = dismissed();
    const shown = [...known.values()]
      .filter((a) => !gone.has(a.id))
      .sort((a, b) => b.id - a.id)
      .slice(0, SHOWN);
    list.replaceChildren(...shown.map((a) => item(a, dismiss)));
    banner.hidden = shown.length === 0;
  };

  const dismiss = (announcement) => {
    const ids = [...dismissed(), announcement.id].sort((a, b) => a - b).slice(-REMEMBERED);
    settings.set("dismissedAnnouncements", ids);
    // Focus stays in the banner while something is left in it, else goes to the composer.
    (banner.hidden ? document.getElementById("message-input") : banner.querySelector(".dismiss"))?.focus();
  };

  const add = (announcement) => {
    if (known.has(announcement.id)) return;
    known.set(announcement.id, announcement);
    lastId = Math.max(lastId, announcement.id);
  };

  const catchUp = async () => {
    let page;
    do {
      page = await api.get(`/api/announcements?after=${lastId}&limit=${PAGE}`);
      page.forEach(add);
    } while (page.length === PAGE);
    // Only the newest few matter; the rest need not stay in memory.
    for (const id of [...known.keys()].sort((a, b) => b - a).slice(SHOWN + REMEMBERED)) known.delete(id);
    render();
  };

  connection.subscribe("/topic/announcements", (event) => {
    if (event.type !== "announcement") return;
    add(event);
    render();
  });
  connection.addEventListener("ready", () => catchUp().catch(failed));
  settings.addEventListener("change", (event) => {
    if (event.detail === null || event.detail === "dismissedAnnouncements") render();
  });
}

function item(announcement, dismiss) {
  const close = button("×", { className: "dismiss", "aria-label": `Dismiss announcement: ${announcement.title}` });
  close.addEventListener("click", () => dismiss(announcement));
  const box = element(
    "div",
    { className: `announcement severity-${announcement.severity}` },
    element("h2", { textContent: announcement.title }),
    element("p", { className: "announcement-body", textContent: announcement.body }),
    element("p", { className: "announcement-meta" }, announcement.author?.username ?? "", " · ", timeElement(announcement.createdAt)),
    close,
  );
  box.dataset.id = announcement.id;
  return box;
}
