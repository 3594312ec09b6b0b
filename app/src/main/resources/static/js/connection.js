// The STOMP connection: CONNECT with the bearer token, heart-beats, reconnecting with
// backoff and jitter, and subscriptions that outlive any one socket. It knows nothing of
// chat: whoever subscribes gets frames, and hears "ready" each time a fresh connection
// has every subscription in place, which is when missed events can be recovered.
import { Client } from "/webjars/stomp__stompjs/esm6/index.js";

const HEART_BEAT_MS = 10000;
const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 30000;
// After this many WebSocket attempts that never opened, WebSocket is probably blocked
// on the way (a proxy), so SockJS's HTTP transports get their turn.
const WEBSOCKET_ATTEMPTS_BEFORE_SOCKJS = 3;
const SUBSCRIBE_TIMEOUT_MS = 15000;

export const Status = Object.freeze({
  CONNECTED: "Connected",
  RECONNECTING: "Reconnecting",
  OFFLINE: "Offline",
});

export class Connection extends EventTarget {
  #token;
  #client = null;
  #subscriptions = new Map(); // destination -> Set of handlers
  #live = new Map(); // destination -> StompSubscription on the current client
  #receipts = new Map(); // receipt id -> {resolve, reject}
  #retryTimer = null;
  #failedAttempts = 0;
  #everOpened = false;
  // ?transport=sockjs forces SockJS's HTTP transports, as on a network that blocks
  // WebSocket; otherwise SockJS comes in only after WebSocket never opened.
  #forcedSockJs = new URLSearchParams(location.search).get("transport") === "sockjs";
  #useSockJs = this.#forcedSockJs;
  #running = false;
  #receiptCounter = 0;
  #retiring = null; // the socket a renewed token replaces, open until its successor is ready
  status = Status.OFFLINE;

  constructor(token) {
    super();
    this.#token = token;
    this.onOnline = () => this.#retryNow();
    this.onOffline = () => this.#setStatus(Status.OFFLINE);
  }

  start() {
    this.#running = true;
    window.addEventListener("online", this.onOnline);
    window.addEventListener("offline", this.onOffline);
    this.#open();
  }

  async stop() {
    this.#running = false;
    window.removeEventListener("online", this.onOnline);
    window.removeEventListener("offline", this.onOffline);
    clearTimeout(this.#retryTimer);
    const client = this.#client;
    this.#client = null;
    this.#retire();
    this.#failPendingReceipts();
    this.#setStatus(Status.OFFLINE);
    if (client) await client.deactivate();
  }

  get connected() {
    return this.status === Status.CONNECTED;
  }

  /**
   * Subscribes now if connected and again after every reconnect. The promise settles
   * when events flow to the subscription on the current socket.
   */
  subscribe(destination, handler) {
    // Several modules may follow one destination (the notifications queue): one
    // SUBSCRIBE, and every frame to each of them.
    const handlers = this.#subscriptions.get(destination);
    if (handlers) {
      handlers.add(handler);
      return Promise.resolve();
    }
    this.#subscriptions.set(destination, new Set([handler]));
    // Also while a fresh socket is still subscribing to the others (not yet "ready"):
    // that round took its list already.
    return this.#client?.connected ? this.#subscribeNow(destination) : Promise.resolve();
  }

  /**
   * Sends a frame with a receipt; the promise resolves with the RECEIPT and rejects if
   * the socket closes first. Callers queue while not connected: this throws then.
   */
  publish(destination, body, headers = {}) {
    if (!this.connected) throw new Error("not connected");
    const receipt = this.#nextReceipt();
    const confirmed = this.#awaitReceipt(receipt);
    // While a renewed token's socket subscribes, the one it replaces still carries sends.
    const client = this.#client?.connected ? this.#client : this.#retiring;
    client.publish({
      destination,
      body: JSON.stringify(body),
      headers: { ...headers, receipt, "content-type": "application/json" },
    });
    return { receipt, confirmed };
  }

  #open() {
    if (!this.#running) return;
    const client = new Client({
      connectHeaders: { Authorization: `Bearer ${this.#token}` },
      heartbeatIncoming: HEART_BEAT_MS,
      heartbeatOutgoing: HEART_BEAT_MS,
      // We retry ourselves, with jitter, so that a server restart is not met by every
      // client at the same instant.
      reconnectDelay: 0,
      connectionTimeout: 10000,
      // A socket that missed heart-beats may never report its close: drop it at once.
      discardWebsocketOnCommFailure: true,
      debug: () => {},
    });
    if (this.#useSockJs) {
      const options = this.#forcedSockJs ? { transports: ["xhr-streaming", "xhr-polling"] } : {};
      client.webSocketFactory = () => new window.SockJS(`${location.origin}/sockjs`, null, options);
    } else {
      const scheme = location.protocol === "https:" ? "wss:" : "ws:";
      client.brokerURL = `${scheme}//${location.host}/ws`;
    }
    client.onConnect = () => this.#connected(client);
    client.onStompError = (frame) => this.#refused(client, frame);
    client.onUnhandledReceipt = (frame) => this.#receiptArrived(frame.headers["receipt-id"]);
    client.onWebSocketClose = () => this.#closed(client);
    this.#client = client;
    client.activate();
  }

  async #connected(client) {
    if (client !== this.#client) return;
    this.#everOpened = true;
    this.#live.clear();
    // A refused SUBSCRIBE (a channel left while away) answers with an error event, not a
    // RECEIPT: it must not keep the others from counting as ready.
    const subscribed = Promise.allSettled([...this.#subscriptions.keys()].map((d) => this.#subscribeNow(d)));
    const timeout = new Promise((resolve) => setTimeout(() => resolve("timeout"), SUBSCRIBE_TIMEOUT_MS));
    if ((await Promise.race([subscribed, timeout])) === "timeout") {
      if (client === this.#client) this.drop();
      return;
    }
    if (client !== this.#client || !client.connected) return;
    this.#failedAttempts = 0;
    this.#setStatus(Status.CONNECTED);
    this.#retire();
    this.dispatchEvent(new Event("ready"));
  }

  /** Stops following a destination, on this socket and the next ones. */
  unsubscribe(destination) {
    this.#subscriptions.delete(destination);
    this.#live.get(destination)?.unsubscribe();
    this.#live.delete(destination);
  }

  /**
   * Goes on with a renewed token. The server ends a session when the token it connected
   * with expires, so a socket with the new token opens beside the current one, which
   * closes once the new one has every subscription: nothing is missed, no status
   * flickers, and the user never looks offline to others in between. Events both sockets
   * carry meanwhile come twice; every consumer drops what it has already (by seq or id).
   */
  reconnectWith(token) {
    this.#token = token;
    if (!this.#client?.connected || this.#retiring) return;
    this.#retiring = this.#client;
    this.#client = null;
    this.#open();
  }

  #retire() {
    const old = this.#retiring;
    this.#retiring = null;
    old?.deactivate();
  }

  /** Closes the current socket as a network drop would: reconnecting starts over. */
  drop() {
    this.#client?.forceDisconnect();
  }

  #subscribeNow(destination) {
    const receipt = this.#nextReceipt();
    const confirmed = this.#awaitReceipt(receipt);
    const handler = (frame) => {
      const body = JSON.parse(frame.body);
      for (const each of this.#subscriptions.get(destination) ?? []) each(body);
    };
    this.#live.set(destination, this.#client.subscribe(destination, handler, { receipt }));
    return confirmed;
  }

  #refused(client, frame) {
    if (client !== this.#client) return;
    const message = frame.headers.message || "";
    // The server closes the socket after an ERROR; whoever listens decides whether the
    // token is still good (a role change also ends sessions this way).
    if (message.startsWith("unauthorized")) {
      this.dispatchEvent(new CustomEvent("unauthorized", { detail: message }));
    }
  }

  #closed(client) {
    if (client === this.#retiring) {
      // The old socket went before its successor was ready (its token expired, or the
      // network went): sends wait, and what went without a RECEIPT goes again.
      this.#retiring = null;
      client.deactivate();
      this.#setStatus(Status.RECONNECTING);
      this.dispatchEvent(new Event("lost"));
      return;
    }
    if (client !== this.#client) return;
    client.deactivate();
    this.#client = null;
    this.#failPendingReceipts();
    // A successor that never got ready takes its predecessor along: both were on the
    // same network, and the old token is about to expire anyway.
    this.#retire();
    if (!this.#running) return;
    this.#failedAttempts++;
    if (!this.#everOpened && !this.#useSockJs && this.#failedAttempts >= WEBSOCKET_ATTEMPTS_BEFORE_SOCKJS && window.SockJS) {
      this.#useSockJs = true;
    }
    this.#setStatus(navigator.onLine ? Status.RECONNECTING : Status.OFFLINE);
    this.dispatchEvent(new Event("lost"));
    // Full jitter: a random wait up to an exponentially growing ceiling.
    const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (this.#failedAttempts - 1));
    this.#retryTimer = setTimeout(() => this.#open(), Math.random() * ceiling);
  }

  #retryNow() {
    if (!this.#running || this.#client) return;
    clearTimeout(this.#retryTimer);
    this.#setStatus(Status.RECONNECTING);
    this.#open();
  }

  #nextReceipt() {
    this.#receiptCounter += 1;
    return `r-${this.#receiptCounter}`;
  }

  #awaitReceipt(receipt) {
    return new Promise((resolve, reject) => this.#receipts.set(receipt, { resolve, reject }));
  }

  #receiptArrived(receipt) {
    const pending = this.#receipts.get(receipt);
    if (pending) {
      this.#receipts.delete(receipt);
      pending.resolve(receipt);
    }
  }

  /** Rejects a SEND's receipt that an error event answered instead. */
  refuseReceipt(receipt, error) {
    const pending = this.#receipts.get(receipt);
    if (pending) {
      this.#receipts.delete(receipt);
      pending.reject(error);
    }
  }

  #failPendingReceipts() {
    const pending = [...this.#receipts.values()];
    this.#receipts.clear();
    pending.forEach((p) => p.reject(new Error("connection lost")));
  }

  #setStatus(status) {
    if (this.status === status) return;
    this.status = status;
    this.dispatchEvent(new Event("status"));
  }
}
