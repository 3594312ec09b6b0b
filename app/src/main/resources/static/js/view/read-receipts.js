// Read receipts in direct and group conversations: "Seen" (or "Seen by bob, carol")
// under the last message each of the others has read, from their read.updated events
// (PROTOCOL.md 3.2). The server lists no one else's read marker, so what was read before
// this page loaded, or while its socket was down, shows from their next move on.
import { othersIn } from "../people.js";

const CONVERSATIONS = new Set(["direct", "group"]);

export function bindReadReceipts(state, people) {
  const log = document.getElementById("messages");
  const markers = new Map(); // channel id -> Map(user id -> read seq)
  const names = new Map(); // user id -> username, from the messages they wrote

  const render = () => {
    log.querySelectorAll(".seen").forEach((seen) => seen.remove());
    const channel = state.openChannel();
    if (!channel || !CONVERSATIONS.has(channel.type)) return;
    const read = markers.get(channel.id);
    if (!read) return;
    const messages = channel.timeline.inOrder();
    const readers = new Map(); // message id -> usernames
    for (const [userId, readSeq] of read) {
      let last = null;
      for (const message of messages) if (message.seq <= readSeq && message.sender?.id !== userId) last = message;
      if (!last) continue;
      const held = readers.get(last.id) ?? [];
      const name = names.get(userId) ?? people.byId(userId)?.username;
      // Someone who has not written here yet: the directory knows them by the channel's name.
      if (!name) othersIn(channel, state.user).forEach((other) => people.byUsername(other));
      held.push(name ?? "someone");
      readers.set(last.id, held);
    }
    for (const [messageId, usernames] of readers) {
      const article = log.querySelector(`article[data-id="${messageId}"]`);
      if (!article) continue;
      const seen = document.createElement("p");
      seen.className = "seen";
      seen.textContent = channel.type === "direct" ? "Seen" : `Seen by ${usernames.sort().join(", ")}`;
      article.append(seen);
    }
  };

  state.addEventListener("channel-event", (event) => {
    const { channel, event: change } = event.detail;
    if (change.message?.sender) names.set(change.message.sender.id, change.message.sender.username);
    if (change.type !== "read.updated" || change.userId === state.user.id) return;
    const read = markers.get(channel.id) ?? new Map();
    markers.set(channel.id, read);
    read.set(change.userId, Math.max(read.get(change.userId) ?? 0, change.readSeq));
    if (channel.id === state.openChannelId) render();
  });
  people.addEventListener("change", render);
  // After the message list has drawn (it listens first): its articles may be new ones.
  state.addEventListener("change", (event) => {
    if (["messages", "open", "outbox", "older"].includes(event.detail)) render();
  });
}
