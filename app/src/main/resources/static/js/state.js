// What the client knows: the user's channels with unread counts, each channel's messages
// by id (shown in seq order), and the sends still waiting for the server. No network
// here; views listen for "change" and read what they show.

/** One channel's messages. A message is replaced only by a state at least as new. */
export class Timeline {
  messages = new Map(); // id -> message
  loaded = false; // the newest page of history has been read
  hasOlder = true;

  /** @returns whether the message was new or newer than the one held */
  upsert(message) {
    const held = this.messages.get(message.id);
    if (held && held.lastSeq > message.lastSeq) return false;
    this.messages.set(message.id, message);
    return true;
  }

  inOrder() {
    return [...this.messages.values()].sort((a, b) => a.seq - b.seq);
  }

  oldestSeq() {
    let oldest = Infinity;
    for (const message of this.messages.values()) oldest = Math.min(oldest, message.seq);
    return oldest;
  }
}

export class ChatState extends EventTarget {
  channels = new Map(); // id -> {id, name, type, unreadCount, mentionCount, muted, timeline}
  openChannelId = null;
  outbox = []; // {clientMessageId, channelId, content, state: "queued"|"sent"|"failed", error}
  typing = new Map(); // channel id -> Map(user id -> {username, timer})

  constructor(user) {
    super();
    this.user = user;
  }

  changed(what) {
    this.dispatchEvent(new CustomEvent("change", { detail: what }));
  }

  /** Adds channels not known yet; returns those that are new. */
  mergeChannels(listed) {
    const added = [];
    for (const c of listed) {
      if (!this.channels.has(c.id)) {
        const channel = { id: c.id, name: c.name, type: c.type, unreadCount: c.unreadCount ?? 0, mentionCount: c.mentionCount ?? 0, muted: !!c.muted, timeline: new Timeline() };
        this.channels.set(c.id, channel);
        added.push(channel);
      }
    }
    if (added.length) this.changed("channels");
    return added;
  }

  removeChannel(channelId) {
    if (!this.channels.delete(channelId)) return;
    if (this.openChannelId === channelId) {
      this.openChannelId = null;
      this.changed("open");
    }
    this.changed("channels");
  }

  sortedChannels() {
    return [...this.channels.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  openChannel() {
    return this.channels.get(this.openChannelId) ?? null;
  }

  open(channelId) {
    this.openChannelId = channelId;
    const channel = this.openChannel();
    if (channel) {
      channel.unreadCount = 0;
      channel.mentionCount = 0;
    }
    this.changed("open");
  }

  setUnread(channel, unreadCount, mentionCount) {
    if (channel.id === this.openChannelId) return;
    channel.unreadCount = unreadCount;
    channel.mentionCount = mentionCount;
    this.changed("channels");
  }

  /**
   * Applies a message as an event or a recovery page carries it.
   * @param createdAfter the channel's seq before it: a message created after it that
   *   someone else wrote is unread, unless its channel is open
   */
  applyMessage(channel, message, createdAfter) {
    const isNew = !channel.timeline.messages.has(message.id);
    if (!channel.timeline.upsert(message)) return;
    if (isNew && message.replyToId) this.#countReply(channel, message);
    // Their message arrived: they have stopped typing it.
    if (message.seq > createdAfter && message.sender) this.setTyping(channel.id, message.sender.id, message.sender.username, false);
    if (message.clientMessageId && message.sender?.id === this.user.id) this.settle(message.clientMessageId);
    const fromOther = message.sender?.id !== this.user.id;
    if (fromOther && !message.deleted && message.seq > createdAfter && channel.id !== this.openChannelId) {
      channel.unreadCount += 1;
      if (message.mentions?.includes(this.user.id)) channel.mentionCount += 1;
      this.changed("channels");
    }
    if (channel.id === this.openChannelId) this.changed("messages");
  }

  /**
   * A new reply adds one to its thread's count (PROTOCOL.md 3.1), unless the root shown
   * is already as new as the reply, as a recovery page's root is.
   */
  #countReply(channel, reply) {
    const root = channel.timeline.messages.get(reply.replyToId);
    if (!root || root.lastSeq >= reply.seq) return;
    channel.timeline.messages.set(root.id, { ...root, threadReplyCount: (root.threadReplyCount ?? 0) + 1, lastSeq: reply.seq });
  }

  /** Someone started or stopped typing; it lapses by itself after `forMs`. */
  setTyping(channelId, userId, username, typing, forMs) {
    if (userId === this.user.id) return;
    const inChannel = this.typing.get(channelId) ?? new Map();
    this.typing.set(channelId, inChannel);
    clearTimeout(inChannel.get(userId)?.timer);
    if (typing) {
      const timer = setTimeout(() => this.setTyping(channelId, userId, username, false), forMs);
      inChannel.set(userId, { username, timer });
    } else {
      inChannel.delete(userId);
    }
    if (channelId === this.openChannelId) this.changed("typing");
  }

  typingIn(channelId) {
    return [...(this.typing.get(channelId)?.values() ?? [])].map((t) => t.username).sort();
  }

  /** @param extra what else the send carries: replyToId, attachments */
  queue(channelId, content, clientMessageId, extra = {}) {
    this.outbox.push({ ...extra, clientMessageId, channelId, content, state: "queued", error: null });
    this.changed("outbox");
  }

  settle(clientMessageId) {
    const before = this.outbox.length;
    this.outbox = this.outbox.filter((item) => item.clientMessageId !== clientMessageId);
    if (this.outbox.length !== before) this.changed("outbox");
  }

  pendingIn(channelId) {
    return this.outbox.filter((item) => item.channelId === channelId);
  }
}
