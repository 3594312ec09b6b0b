// The channel sidebar, in three groups: channels, direct conversations (named by the
// other person, with their presence) and group conversations. Each link's name comes
// first, then its unread badge.
import { othersIn, presenceDot } from "../people.js";

const CONVERSATIONS = new Set(["direct", "group"]);

export function bindSidebar(state, people) {
  const lists = {
    channel: document.getElementById("channel-list"),
    direct: document.getElementById("direct-list"),
    group: document.getElementById("group-list"),
  };
  const groupHeading = document.getElementById("group-heading");

  const render = () => {
    const items = { channel: [], direct: [], group: [] };
    for (const channel of state.sortedChannels()) {
      const kind = CONVERSATIONS.has(channel.type) ? channel.type : "channel";
      items[kind].push(channelItem(channel, state, people));
    }
    for (const [kind, list] of Object.entries(lists)) list.replaceChildren(...items[kind]);
    groupHeading.hidden = lists.group.hidden = items.group.length === 0;
  };
  state.addEventListener("change", (event) => {
    if (event.detail === "channels" || event.detail === "open") render();
  });
  people.addEventListener("change", render);
  render();
}

function channelItem(channel, state, people) {
  const link = document.createElement("a");
  link.href = `#channel/${channel.id}`;
  link.className = "channel-link";
  const name = document.createElement("span");
  name.className = "channel-name";
  link.append(name);
  if (channel.type === "direct") {
    const [other] = othersIn(channel, state.user);
    name.textContent = other;
    const person = people.byUsernameNow(other);
    const status = person ? people.status(person.id) : null;
    if (person) people.watch([person.id]);
    else people.byUsername(other).then((found) => found && people.watch([found.id]));
    if (status) {
      name.prepend(presenceDot(status));
      link.append(spoken(`, ${status}`));
    }
  } else {
    name.textContent = channel.name;
  }
  if (channel.id === state.openChannelId) link.setAttribute("aria-current", "page");
  if (channel.unreadCount > 0 && !channel.muted) {
    const badge = document.createElement("span");
    badge.className = channel.mentionCount > 0 ? "badge mention" : "badge";
    badge.textContent = String(channel.unreadCount);
    badge.setAttribute("aria-hidden", "true");
    // Read out as "general, 3 unread" rather than "general 3".
    link.append(badge, spoken(`, ${channel.unreadCount} unread` + (channel.mentionCount > 0 ? `, ${channel.mentionCount} mentioning you` : "")));
  }
  const item = document.createElement("li");
  item.append(link);
  return item;
}

function spoken(text) {
  const words = document.createElement("span");
  words.className = "visually-hidden";
  words.textContent = text;
  return words;
}
