// Keeps ChatState in step with the server. Each channel's events are applied strictly in
// seq order: one already applied is dropped, and a gap (or a reconnect) is filled from
// GET /api/channels/{id}/messages?sinceSeq=N before anything newer is applied, so that
// missed messages appear once each and in order (PROTOCOL.md, "Ordering and recovery").
// Sends wait in the outbox until the server confirms them by their clientMessageId.
import { ApiError } from "./api.js";
import { SessionExpired } from "./session.js";

const RECOVERY_PAGE = 500;
const HISTORY_PAGE = 50;
const RETRYABLE = new Set(["rate_limited", "unavailable"]);
const RETRYABLE_STATUS = new Set([429, 503]);
// PROTOCOL.md 3.2: a typing event lapses 6 seconds after it was sent; a typer repeats
// it every few seconds, and the server passes on at most one per 2 seconds.
const TYPING_SHOWN_MS = 6000;
const TYPING_REPEAT_MS = 3000;

/** A channel's place in its event stream. */
class Stream {
  appliedSeq = null; // null while not known: events wait in the buffer
  buffer = [];
  recovering = false;
}

export class ChatSync {
  #api;
  #connection;
  #state;
  #streams = new Map(); // channel id -> Stream
  #readTimer = null;
  #flushing = false;
  #typingSentAt = 0;

  constructor(api, connection, state) {
    this.#api = api;
    this.#connection = connection;
    this.#state = state;
    connection.addEventListener("ready", () => this.#synchronize().catch((error) => this.#synchronizeFailed(error)));
    connection.addEventListener("lost", () => this.#connectionLost());
    connection.subscribe("/user/queue/errors", (event) => this.#errorEvent(event));
  }

  /** Lists the channels and subscribes to them, then connects. */
  async start() {
    await this.#addChannels(await this.#api.get("/api/channels"));
    this.#connection.start();
  }

  onFailure(handler) {
    this.#failed = handler;
  }

  #failed = (error) => console.error(error);

  async open(channelId) {
    const channel = this.#state.channels.get(channelId);
    if (!channel) return;
    this.#state.open(channelId);
    if (!channel.timeline.loaded) {
      const page = await this.#api.get(`/api/channels/${channelId}/messages?limit=${HISTORY_PAGE}`);
      for (const message of page.messages) channel.timeline.upsert(message);
      channel.timeline.loaded = true;
      channel.timeline.hasOlder = page.hasMore;
      this.#state.changed("messages");
    }
    this.#markRead(channel);
  }

  /** The page of history before the oldest message shown. */
  async loadOlder() {
    const channel = this.#state.openChannel();
    if (!channel || !channel.timeline.hasOlder || channel.timeline.loadingOlder) return;
    channel.timeline.loadingOlder = true;
    try {
      const before = channel.timeline.oldestSeq();
      const page = await this.#api.get(`/api/channels/${channel.id}/messages?before=${before}&limit=${HISTORY_PAGE}`);
      for (const message of page.messages) channel.timeline.upsert(message);
      channel.timeline.hasOlder = page.hasMore;
      this.#state.changed("older");
    } finally {
      channel.timeline.loadingOlder = false;
    }
  }

  /** @param extra replyToId (a thread's root) and attachments (upload ids), if any */
  send(content, extra = {}) {
    const channel = this.#state.openChannel();
    if (!channel) return;
    this.#state.queue(channel.id, content, newClientMessageId(), extra);
    this.#typingSentAt = 0; // the message itself ends the typing for whoever reads it
    this.#flush();
  }

  /** Adds or removes my reaction; the change shows when its event arrives. */
  react(message, emoji, add) {
    if (!this.#connection.connected) return;
    const { confirmed } = this.#connection.publish(`/app/channel.${message.channelId}.react`, { messageId: message.id, emoji, add });
    confirmed.catch(() => {});
  }

  /**
   * Edits (`edit`, body {content}) or deletes (`delete`) a message: settles with the
   * server's RECEIPT, or fails with its error; the change shows when its event arrives.
   */
  change(message, action, body = {}) {
    if (!this.#connection.connected) return Promise.reject(new Error("Not connected: try again when the connection is back."));
    return this.#connection.publish(`/app/channel.${message.channelId}.${action}`, { messageId: message.id, ...body }).confirmed;
  }

  /** Tells the open channel that I am typing (or stopped), without flooding it. */
  typing(typing) {
    const channel = this.#state.openChannel();
    if (!channel || !this.#connection.connected) return;
    const now = Date.now();
    if (typing && now - this.#typingSentAt < TYPING_REPEAT_MS) return;
    if (!typing && this.#typingSentAt === 0) return;
    this.#typingSentAt = typing ? now : 0;
    this.#connection.publish(`/app/channel.${channel.id}.typing`, { typing }).confirmed.catch(() => {});
  }

  /**
   * Picks up channels joined or opened since the list was read (here, in another tab, or
   * by someone who started a conversation with me): subscribed first, then positioned at
   * the channel's seq, as after a reconnect. Returns the channel, if `channelId` is given.
   */
  async refreshChannels(channelId) {
    await this.#addChannels(await this.#api.get("/api/channels"));
    if (this.#connection.connected) {
      for (const entry of await this.#api.get("/api/channels")) {
        const channel = this.#state.channels.get(entry.id);
        const stream = this.#streams.get(entry.id);
        if (!channel || !stream || stream.appliedSeq !== null) continue;
        stream.appliedSeq = entry.lastSeq;
        this.#state.setUnread(channel, entry.unreadCount ?? 0, entry.mentionCount ?? 0);
        this.#drain(channel, stream);
      }
    }
    return channelId === undefined ? null : (this.#state.channels.get(channelId) ?? null);
  }

  /** Adds and subscribes to channels not known yet; settles once events flow to them. */
  #addChannels(listed) {
    const added = this.#state.mergeChannels(listed);
    return Promise.allSettled(
      added.map((channel) => {
        this.#streams.set(channel.id, new Stream());
        return this.#connection.subscribe(`/topic/channel.${channel.id}`, (event) => this.#channelEvent(channel.id, event));
      }),
    );
  }

  /**
   * After every (re)connect, once each subscription is in place: new channels are
   * added, read channels recover what they missed, and the others take the server's
   * counts and position.
   */
  async #synchronize() {
    // Channels joined elsewhere meanwhile: subscribed before their position is read
    // below, so that no event falls between the two.
    await this.#addChannels(await this.#api.get("/api/channels"));
    const listed = await this.#api.get("/api/channels");
    for (const entry of listed) {
      const channel = this.#state.channels.get(entry.id);
      const stream = this.#streams.get(entry.id);
      if (!channel || !stream) continue;
      if (stream.appliedSeq !== null && channel.timeline.loaded) {
        this.#recover(channel, stream);
      } else {
        stream.appliedSeq = Math.max(stream.appliedSeq ?? 0, entry.lastSeq);
        this.#state.setUnread(channel, entry.unreadCount ?? 0, entry.mentionCount ?? 0);
        this.#drain(channel, stream);
      }
    }
    this.#flush();
  }

  #synchronizeFailed(error) {
    if (error instanceof SessionExpired) {
      this.#failed(error);
      return;
    }
    // Without the catching up, this socket would show an incomplete channel as if it
    // were whole: start over, with the connection's backoff.
    console.warn("catching up failed, reconnecting", error);
    this.#connection.drop();
  }

  #connectionLost() {
    // Whatever was sent without a RECEIPT goes again on the next socket, with the same
    // clientMessageId, so the server stores it once whichever copy arrives.
    for (const item of this.#state.outbox) if (item.state === "sent") item.state = "queued";
    this.#state.changed("outbox");
  }

  #channelEvent(channelId, event) {
    const channel = this.#state.channels.get(channelId);
    const stream = this.#streams.get(channelId);
    if (!channel || !stream) return;
    if (event.type === "typing") {
      // Outside the ordered stream: no seq, not recovered.
      this.#state.setTyping(channelId, event.userId, event.username, event.typing, TYPING_SHOWN_MS);
      return;
    }
    if (typeof event.seq !== "number") return;
    if (stream.appliedSeq === null || stream.recovering) {
      stream.buffer.push(event);
      return;
    }
    if (event.seq <= stream.appliedSeq) return;
    if (event.seq > stream.appliedSeq + 1) {
      stream.buffer.push(event);
      this.#recover(channel, stream);
      return;
    }
    this.#apply(channel, stream, event);
  }

  #apply(channel, stream, event) {
    const before = stream.appliedSeq;
    stream.appliedSeq = event.seq;
    if (event.message) this.#state.applyMessage(channel, event.message, before);
    // For views that follow other kinds of event (read receipts, members).
    this.#state.dispatchEvent(new CustomEvent("channel-event", { detail: { channel, event } }));
    if (channel.id === this.#state.openChannelId) this.#markRead(channel);
  }

  /** Applies held events in seq order while they follow on; recovers at a gap. */
  #drain(channel, stream) {
    const held = stream.buffer.sort((a, b) => a.seq - b.seq);
    stream.buffer = [];
    for (let i = 0; i < held.length; i++) {
      const event = held[i];
      if (event.seq <= stream.appliedSeq) continue;
      if (event.seq > stream.appliedSeq + 1) {
        stream.buffer = held.slice(i);
        this.#recover(channel, stream);
        return;
      }
      this.#apply(channel, stream, event);
    }
  }

  async #recover(channel, stream) {
    if (stream.recovering) return;
    stream.recovering = true;
    try {
      const from = stream.appliedSeq;
      let since = from;
      let page;
      do {
        page = await this.#api.get(`/api/channels/${channel.id}/messages?sinceSeq=${since}&limit=${RECOVERY_PAGE}`);
        for (const message of page.messages) {
          this.#state.applyMessage(channel, message, from);
          since = message.lastSeq;
        }
      } while (page.hasMore);
      // Every change up to the channel's seq of the last page is in what was read.
      stream.appliedSeq = Math.max(stream.appliedSeq, page.seq);
      stream.recovering = false;
      this.#drain(channel, stream);
      if (channel.id === this.#state.openChannelId) this.#markRead(channel);
    } catch (error) {
      stream.recovering = false;
      // The next reconnect recovers again from the same point.
      if (this.#connection.connected) this.#failed(error);
    }
  }

  /** Sends what waits in the outbox, in order, with its clientMessageId. */
  async #flush() {
    if (this.#flushing) return;
    this.#flushing = true;
    try {
      // One at a time from the front, so that what is queued while a restored item's
      // request runs still goes, after it and in order.
      let item;
      while (this.#connection.connected && (item = this.#state.outbox.find((i) => i.state === "queued"))) {
        item.state = "sent";
        item.error = null;
        const body = {
          content: item.content,
          clientMessageId: item.clientMessageId,
          ...(item.replyToId ? { replyToId: item.replyToId } : {}),
          ...(item.attachments?.length ? { attachments: item.attachments.map((a) => a.id) } : {}),
        };
        if (item.restored) {
          if (!(await this.#sendRestored(item, body))) break;
          continue;
        }
        const { receipt, confirmed } = this.#connection.publish(`/app/channel.${item.channelId}.send`, body);
        item.receipt = receipt;
        // The RECEIPT says it is stored; the item goes when its message arrives, so it
        // never shows twice or not at all.
        confirmed.catch(() => {});
      }
      this.#state.changed("outbox");
    } finally {
      this.#flushing = false;
    }
  }

  /**
   * A send kept from before a reload may have been stored already, and then no event
   * brings it back (PROTOCOL.md 4: a repeated clientMessageId stores nothing new). Over
   * REST the answer is the stored message either way, so the item settles by it.
   * @returns whether later items may go now (not when this one must wait)
   */
  async #sendRestored(item, body) {
    try {
      const message = await this.#api.post(`/api/channels/${item.channelId}/messages`, body);
      const channel = this.#state.channels.get(item.channelId);
      // Shown only where it belongs among the messages held; older ones come with paging.
      const timeline = channel?.timeline;
      if (timeline?.loaded && message.seq >= timeline.oldestSeq()) this.#state.applyMessage(channel, message, message.seq);
      this.#state.settle(item.clientMessageId);
      return true;
    } catch (error) {
      if (error instanceof ApiError && !RETRYABLE_STATUS.has(error.status)) {
        item.state = "failed";
        item.error = error.message;
        this.#state.changed("outbox");
        return true;
      }
      item.state = "queued";
      this.#state.changed("outbox");
      if (error instanceof SessionExpired) this.#failed(error);
      // The server busy: after the wait it asks for. No answer: soon, or on the next connect.
      else setTimeout(() => this.#flush(), (error instanceof ApiError && error.problem.retryAfterMs) || 2000);
      return false;
    }
  }

  #errorEvent(event) {
    if (event.receiptId) this.#connection.refuseReceipt(event.receiptId, new Error(event.message));
    const topic = /^\/topic\/channel\.(\d+)$/.exec(event.destination ?? "");
    if (topic) {
      // A SUBSCRIBE refused, or a subscription ended: forbidden means access is gone
      // (kicked, banned, left elsewhere); anything else is worth another socket.
      if (event.code === "forbidden") this.#leftChannel(Number(topic[1]));
      else this.#connection.drop();
      return;
    }
    const item = this.#state.outbox.find((i) => (event.clientMessageId && i.clientMessageId === event.clientMessageId) || (event.receiptId && i.receipt === event.receiptId));
    if (!item) return;
    if (RETRYABLE.has(event.code)) {
      item.state = "queued";
      setTimeout(() => this.#flush(), event.retryAfterMs ?? 1000);
    } else {
      item.state = "failed";
      item.error = event.message;
    }
    this.#state.changed("outbox");
  }

  /** Access to a channel ended (kicked, banned, left elsewhere): it leaves the sidebar. */
  #leftChannel(channelId) {
    this.#connection.unsubscribe(`/topic/channel.${channelId}`);
    this.#streams.delete(channelId);
    this.#state.removeChannel(channelId);
  }

  /** Moves the read marker to what the open channel shows, at most twice a second. */
  #markRead(channel) {
    const stream = this.#streams.get(channel.id);
    clearTimeout(this.#readTimer);
    this.#readTimer = setTimeout(() => {
      if (!this.#connection.connected || !stream?.appliedSeq) return;
      const { confirmed } = this.#connection.publish(`/app/channel.${channel.id}.read`, { seq: stream.appliedSeq });
      confirmed.catch(() => {});
    }, 500);
  }
}

function newClientMessageId() {
  // crypto.randomUUID exists only on secure origins; a plain-HTTP deployment has none.
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return "c-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
