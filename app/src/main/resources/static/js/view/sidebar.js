// The channel sidebar: one link per channel, its name first, then its unread badge.
export function bindSidebar(state) {
  const list = document.getElementById("channel-list");
  const render = () => {
    const items = state.sortedChannels().map((channel) => {
      const link = document.createElement("a");
      link.href = `#channel/${channel.id}`;
      link.className = "channel-link";
      const name = document.createElement("span");
      name.className = "channel-name";
      name.textContent = channel.name;
      link.append(name);
      if (channel.id === state.openChannelId) link.setAttribute("aria-current", "page");
      if (channel.unreadCount > 0 && !channel.muted) {
        const badge = document.createElement("span");
        badge.className = channel.mentionCount > 0 ? "badge mention" : "badge";
        badge.textContent = String(channel.unreadCount);
        badge.setAttribute("aria-hidden", "true");
        // Read out as "general, 3 unread" rather than "general 3".
        const spoken = document.createElement("span");
        spoken.className = "visually-hidden";
        spoken.textContent = `, ${channel.unreadCount} unread` + (channel.mentionCount > 0 ? `, ${channel.mentionCount} mentioning you` : "");
        link.append(badge, spoken);
      }
      const item = document.createElement("li");
      item.append(link);
      return item;
    });
    list.replaceChildren(...items);
  };
  state.addEventListener("change", (event) => {
    if (event.detail === "channels" || event.detail === "open") render();
  });
  render();
}
