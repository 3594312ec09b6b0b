// A thread in a side panel: its first message and its replies (a log named Thread), and a
// Reply box where Enter sends with the thread's root as replyToId (PROTOCOL.md 3.1).
// Replies live in the channel's timeline with every other message, so live ones, edits
// and recovered ones show here as they come; the main list leaves them out.
import { bindSendBox } from "./composer.js";
import { keptArticle, messageArticle, pendingArticle, placeArticles } from "./message-list.js";

const REPLIES_PAGE = 100;

/** @param attachments the drafts of the Reply box's Attach file (attachments.js) */
export function bindThreadPanel(state, sync, api, failed, attachments) {
  const app = document.getElementById("app");
  const panel = document.getElementById("thread");
  const log = document.getElementById("thread-messages");
  const form = document.getElementById("thread-composer");
  const input = document.getElementById("reply-input");
  const hint = document.getElementById("reply-hint");
  const closeButton = document.getElementById("thread-close");
  const articles = new Map(); // key -> {article, version}
  let thread = null; // {rootId, channelId, opener}

  const render = () => {
    if (!thread) return;
    const channel = state.channels.get(thread.channelId);
    if (!channel) return close(false);
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    const wanted = [];
    const root = channel.timeline.messages.get(thread.rootId);
    if (root) wanted.push(entry(`m${root.id}`, root.lastSeq, () => messageArticle(root, state.user, sync, true)));
    const replies = [...channel.timeline.messages.values()].filter((m) => m.replyToId === thread.rootId).sort((a, b) => a.seq - b.seq);
    for (const reply of replies) wanted.push(entry(`m${reply.id}`, reply.lastSeq, () => messageArticle(reply, state.user, sync, true)));
    for (const item of state.pendingIn(channel.id).filter((i) => i.replyToId === thread.rootId)) {
      wanted.push(entry(`p${item.clientMessageId}`, `${item.state}:${item.error}`, () => pendingArticle(item, state.user)));
    }
    placeArticles(log, articles, wanted);
    if (atBottom) log.scrollTop = log.scrollHeight;
  };

  const entry = (key, version, build) => keptArticle(articles, key, version, build);

  async function open(rootId, opener) {
    const channelId = state.openChannelId;
    thread = { rootId, channelId, opener };
    articles.clear();
    log.replaceChildren();
    hint.textContent = "";
    panel.hidden = false;
    app.classList.add("with-thread");
    render();
    input.focus();
    try {
      const channel = state.channels.get(channelId);
      let after = 0;
      let page;
      do {
        page = await api.get(`/api/messages/${rootId}/replies?after=${after}&limit=${REPLIES_PAGE}`);
        if (thread?.rootId !== rootId || !channel) return;
        // Straight into the timeline: these are states the channel's stream already counted.
        channel.timeline.upsert(page.root);
        for (const reply of page.messages) channel.timeline.upsert(reply);
        after = page.messages.at(-1)?.seq ?? after;
      } while (page.hasMore);
      state.changed("messages");
    } catch (error) {
      hint.textContent = "The thread could not be loaded.";
      failed(error);
    }
  }

  function close(refocus) {
    if (!thread) return;
    const { rootId, opener } = thread;
    thread = null;
    panel.hidden = true;
    app.classList.remove("with-thread");
    articles.clear();
    log.replaceChildren();
    input.value = "";
    attachments.clear();
    if (!refocus) return;
    // The button that opened the thread, or the one that replaced it when its message changed.
    const target = opener?.isConnected ? opener : document.querySelector(`#messages article[data-id="${rootId}"] .thread-button`);
    (target ?? document.getElementById("message-input")).focus();
  }

  bindSendBox(
    { form, input, hint, attachments, what: "A reply" },
    () => !!thread,
    (content, extra) => sync.send(content, { ...extra, replyToId: thread.rootId }),
  );
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !event.defaultPrevented) {
      event.preventDefault();
      close(true);
    }
  });
  closeButton.addEventListener("click", () => close(true));
  state.addEventListener("change", (event) => {
    if (event.detail === "open") close(false);
    else if (event.detail === "messages" || event.detail === "outbox") render();
  });

  return open;
}
