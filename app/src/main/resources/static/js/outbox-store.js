// The outbox outlives a reload: what waits to be sent is kept in this tab's
// sessionStorage, per user, as the session itself is. A reload (or a sign-in again after
// the session ended) while offline then loses nothing that was written.
const PREFIX = "switchboard.outbox.";

/**
 * Puts back what the outbox held when this tab last had the user's chat, and keeps
 * the stored copy in step with every change from now on.
 */
export function keepOutbox(state) {
  const key = PREFIX + state.user.id;
  for (const item of read(key)) {
    // Whether a copy already reached the server is not known: the server stores a
    // clientMessageId once, and sync.js sends such items where the answer is the message.
    state.outbox.push(item.state === "failed" ? item : { ...item, state: "queued", restored: true });
  }
  if (state.outbox.length) state.changed("outbox");
  state.addEventListener("change", (event) => {
    if (event.detail !== "outbox") return;
    try {
      if (state.outbox.length) sessionStorage.setItem(key, JSON.stringify(state.outbox.map(({ receipt, ...kept }) => kept)));
      else sessionStorage.removeItem(key);
    } catch {
      // Storage full or switched off: the outbox still works for as long as the page lives.
    }
  });
}

/** On signing out: nothing written stays in the tab for whoever uses it next. */
export function forgetOutbox(userId) {
  sessionStorage.removeItem(PREFIX + userId);
}

function read(key) {
  try {
    const items = JSON.parse(sessionStorage.getItem(key));
    return Array.isArray(items) ? items.filter((item) => item && typeof item.clientMessageId === "string" && typeof item.channelId === "number") : [];
  } catch {
    return [];
  }
}
