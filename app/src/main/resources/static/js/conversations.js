// Channels others add me to, and conversations they start with me: the server says so on
// /user/queue/channels (the channel's own topic, with its member.joined, is not one I
// follow yet). Channels added while the socket was down come with the next reconnect's
// list.
export function followNewConversations(connection, state, sync, onFailure) {
  connection.subscribe("/user/queue/channels", (event) => {
    const channelId = Number(event?.channelId);
    if (event?.type === "channel.added" && channelId && !state.channels.has(channelId)) {
      sync.refreshChannels().catch(onFailure);
    }
  });
}
