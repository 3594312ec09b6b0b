// Moderation from the message list, for ADMINs and the channel's admins and moderators:
// each message of someone else gets a menu to delete it, or to mute, kick or ban its
// sender (PROTOCOL.md section 3.3). The server decides who outranks whom; a refusal
// shows in the menu.
export function bindModeration({ api, state, me, failed }) {
  const admin = me.roles?.includes("ADMIN");
  const roles = new Map(); // channel id -> my role in it
  const log = document.getElementById("messages");

  const canModerate = (channel) => admin || ["admin", "moderator"].includes(roles.get(channel?.id));

  const decorate = () => {
    const channel = state.openChannel();
    if (!canModerate(channel)) return;
    for (const article of log.querySelectorAll(":scope > article[data-id]")) {
      if (article.querySelector(":scope > .moderate")) continue;
      const message = channel.timeline.messages.get(Number(article.dataset.id));
      if (!message || !message.sender || message.sender.id === me.id) continue;
      article.append(menu(api, channel, message, failed));
    }
  };

  const learnRoles = async () => {
    for (const c of await api.get("/api/channels")) roles.set(c.id, c.role);
    decorate();
  };

  new MutationObserver(decorate).observe(log, { childList: true });
  state.addEventListener("change", (event) => {
    if (event.detail === "open" && state.openChannelId !== null && !roles.has(state.openChannelId)) learnRoles().catch(failed);
  });
  if (!admin) learnRoles().catch(failed);
}

function menu(api, channel, message, failed) {
  const who = message.sender.username;
  const box = document.createElement("div");
  box.className = "moderate";
  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "moderate-toggle";
  toggle.textContent = "⋯";
  toggle.setAttribute("aria-label", `Moderate message from ${who}`);
  toggle.setAttribute("aria-expanded", "false");
  const actions = document.createElement("div");
  actions.className = "moderate-actions";
  actions.hidden = true;
  const outcome = document.createElement("p");
  outcome.className = "hint";
  outcome.setAttribute("role", "status");
  if (!message.deleted) {
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "Delete message";
    remove.addEventListener("click", () =>
      attempt(`Delete this message from ${who}?`, () => api.delete(`/api/messages/${message.id}`), "Message deleted.", outcome, failed),
    );
    actions.append(remove);
  }
  actions.append(...moderationButtons(api, channel, message.sender, outcome, failed));
  actions.append(outcome);
  toggle.addEventListener("click", () => {
    actions.hidden = !actions.hidden;
    toggle.setAttribute("aria-expanded", String(!actions.hidden));
    if (!actions.hidden) actions.querySelector("button")?.focus();
  });
  actions.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      actions.hidden = true;
      toggle.setAttribute("aria-expanded", "false");
      toggle.focus();
    }
  });
  box.append(toggle, actions);
  return box;
}

/**
 * Buttons to mute, unmute, kick, ban or unban a person in a channel; what the server
 * answers shows in `outcome`. The message menu and the members panel both use them.
 */
export function moderationButtons(api, channel, person, outcome, failed) {
  const who = person.username;
  const target = { userId: person.id };
  const base = `/api/channels/${channel.id}`;
  const button = (text, confirmText, run, done) => {
    const element = document.createElement("button");
    element.type = "button";
    element.textContent = text;
    element.addEventListener("click", () => attempt(confirmText, run, done, outcome, failed));
    return element;
  };
  return [
    button(`Mute ${who}`, null, () => api.post(`${base}/mutes`, target), `${who} is muted.`),
    button(`Unmute ${who}`, null, () => api.delete(`${base}/mutes/${person.id}`), `${who} may post again.`),
    button(`Kick ${who}`, `Remove ${who} from ${channel.name}?`, () => api.delete(`${base}/members/${person.id}`), `${who} was removed.`),
    button(`Ban ${who}`, `Ban ${who} from ${channel.name}?`, () => api.post(`${base}/bans`, target), `${who} is banned.`),
    button(`Unban ${who}`, null, () => api.delete(`${base}/bans/${person.id}`), `${who} is no longer banned.`),
  ];
}

async function attempt(confirmText, run, done, outcome, failed) {
  if (confirmText && !window.confirm(confirmText)) return;
  try {
    await run();
    outcome.textContent = done;
  } catch (error) {
    outcome.textContent = `Refused: ${error.message}`;
    if (!error.status) failed(error);
  }
}
