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
  const target = { userId: message.sender.id };
  const action = (text, confirmText, run, done) => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = text;
    button.addEventListener("click", async () => {
      if (confirmText && !window.confirm(confirmText)) return;
      try {
        await run();
        outcome.textContent = done;
      } catch (error) {
        outcome.textContent = `Refused: ${error.message}`;
        if (!error.status) failed(error);
      }
    });
    actions.append(button);
  };
  if (!message.deleted) {
    action("Delete message", `Delete this message from ${who}?`, () => api.delete(`/api/messages/${message.id}`), "Message deleted.");
  }
  action(`Mute ${who}`, null, () => api.post(`/api/channels/${channel.id}/mutes`, target), `${who} is muted.`);
  action(`Unmute ${who}`, null, () => api.delete(`/api/channels/${channel.id}/mutes/${message.sender.id}`), `${who} may post again.`);
  action(`Kick ${who}`, `Remove ${who} from ${channel.name}?`, () => api.delete(`/api/channels/${channel.id}/members/${message.sender.id}`), `${who} was removed.`);
  action(`Ban ${who}`, `Ban ${who} from ${channel.name}?`, () => api.post(`/api/channels/${channel.id}/bans`, target), `${who} is banned.`);
  action(`Unban ${who}`, null, () => api.delete(`/api/channels/${channel.id}/bans/${message.sender.id}`), `${who} is no longer banned.`);
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
