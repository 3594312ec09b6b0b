// Conversations someone else starts with me. The server tells the people it adds to a
// channel nothing directly (member.joined goes to the channel's own topic, which they
// do not follow yet); a message in a direct or group channel notifies each of its
// members, so a notification about a channel not in my list means it is new to me.
// Channels added while the socket was down come with the next reconnect's list.
export function followNewConversations(connection, state, sync, onFailure) {
  connection.subscribe("/user/queue/notifications", (event) => {
    const channelId = Number(event?.data?.channelId);
    if (channelId && !state.channels.has(channelId)) sync.refreshChannels().catch(onFailure);
  });
}
