// Read receipts in direct and group conversations: "Seen" (or "Seen by bob, carol")
// under the last message each of the others has read (PROTOCOL.md 3.2): their markers
// are read when the conversation opens and after a reconnect, and follow their
// read.updated events meanwhile. A marker only moves forward, so the highest one wins.
import { othersIn } from "../people.js";

const CONVERSATIONS = new Set(["direct", "group"]);

export function bindReadReceipts(state, people, api, connection) {
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
    for (const message of messages) if (message.sender) names.set(message.sender.id, message.sender.username);
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

  const moved = (channel, userId, readSeq) => {
    if (userId === state.user.id) return;
    const read = markers.get(channel.id) ?? new Map();
    markers.set(channel.id, read);
    read.set(userId, Math.max(read.get(userId) ?? 0, readSeq));
  };
  const readMarkers = async () => {
    const channel = state.openChannel();
    if (!channel || !CONVERSATIONS.has(channel.type)) return;
    try {
      const listed = await api.get(`/api/channels/${channel.id}/read-markers`);
      listed.forEach((marker) => moved(channel, marker.userId, marker.readSeq));
      if (channel.id === state.openChannelId) render();
    } catch (error) {
      console.warn("reading read markers failed", error);
    }
  };

  state.addEventListener("channel-event", (event) => {
    const { channel, event: change } = event.detail;
    if (change.message?.sender) names.set(change.message.sender.id, change.message.sender.username);
    if (change.type !== "read.updated") return;
    moved(channel, change.userId, change.readSeq);
    if (channel.id === state.openChannelId) render();
  });
  state.addEventListener("change", (event) => {
    if (event.detail === "open") readMarkers();
  });
  connection.addEventListener("ready", readMarkers);
  people.addEventListener("change", render);
  // After the message list has drawn (it listens first): its articles may be new ones.
  state.addEventListener("change", (event) => {
    if (["messages", "open", "outbox", "older"].includes(event.detail)) render();
  });
}
