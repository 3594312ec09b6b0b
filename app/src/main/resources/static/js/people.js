// The people the client shows besides message senders: who they are (from the directory)
// and whether they are online (PROTOCOL.md section 7), kept live by following each one's
// presence topic once somebody looks at them. Views listen for "change".
const PRESENCE_BATCH = 100;

export class People extends EventTarget {
  #api;
  #connection;
  #byId = new Map(); // user id -> {id, username, displayName}
  #lookups = new Map(); // username -> Promise of an entry or null
  #status = new Map(); // user id -> "online" | "away" | "busy" | "offline"
  #watched = new Set();

  constructor(api, connection) {
    super();
    this.#api = api;
    this.#connection = connection;
    // Events missed while the socket was down: read everyone's status again.
    connection.addEventListener("ready", () => this.#readStatus([...this.#watched]));
  }

  /** Directory entries seen elsewhere, so that lookups by name need no request. */
  remember(entries) {
    for (const entry of entries) this.#byId.set(entry.id, entry);
  }

  byId(id) {
    return this.#byId.get(id) ?? null;
  }

  /** The entry of a user name if it is known already. */
  byUsernameNow(username) {
    for (const entry of this.#byId.values()) if (entry.username === username) return entry;
    return null;
  }

  /** The directory entry of a user name, or null if the directory has none. */
  byUsername(username) {
    const known = this.byUsernameNow(username);
    if (known) return Promise.resolve(known);
    if (!this.#lookups.has(username)) {
      const lookup = this.search(username, 50).then(
        (found) => found.find((entry) => entry.username === username) ?? null,
        () => null,
      );
      this.#lookups.set(username, lookup);
    }
    return this.#lookups.get(username);
  }

  /** The directory: enabled users whose user name or display name starts with `query`. */
  async search(query, limit = 20) {
    const found = await this.#api.get(`/api/users?query=${encodeURIComponent(query)}&limit=${limit}`);
    this.remember(found);
    this.dispatchEvent(new Event("change"));
    return found;
  }

  /** "online", "away", "busy" or "offline"; null while not known. */
  status(userId) {
    return this.#status.get(userId) ?? null;
  }

  /** Follows these users' presence from now on. */
  watch(userIds) {
    const added = userIds.filter((id) => !this.#watched.has(id));
    if (!added.length) return;
    added.forEach((id) => this.#watched.add(id));
    const subscribed = added.map((id) => this.#connection.subscribe(`/topic/presence.${id}`, (event) => this.#presence(event)));
    // Read after the subscriptions are in place, so that no change falls between.
    if (this.#connection.connected) Promise.allSettled(subscribed).then(() => this.#readStatus(added));
  }

  #presence(event) {
    if (event.type !== "presence") return;
    this.#status.set(event.userId, event.status);
    this.dispatchEvent(new Event("change"));
  }

  async #readStatus(ids) {
    for (let i = 0; i < ids.length; i += PRESENCE_BATCH) {
      try {
        const statuses = await this.#api.get(`/api/presence?userIds=${ids.slice(i, i + PRESENCE_BATCH).join(",")}`);
        statuses.forEach((event) => this.#status.set(event.userId, event.status));
      } catch (error) {
        console.warn("reading presence failed", error);
      }
    }
    this.dispatchEvent(new Event("change"));
  }
}

/** A dot for a status, hidden from assistive technology (the words go with it). */
export function presenceDot(status) {
  const dot = document.createElement("span");
  dot.className = "presence-dot";
  dot.dataset.status = status ?? "unknown";
  dot.setAttribute("aria-hidden", "true");
  return dot;
}

/** The other people of a direct or group channel, by its name ("alice, bob, carol"). */
export function othersIn(channel, me) {
  const names = channel.name.split(", ");
  const others = names.filter((name) => name !== me.username);
  return others.length ? others : names;
}
