// The open channel's messages, oldest at the top, as articles in a log. Every piece of
// user content goes in with textContent: nothing a user writes is ever parsed as HTML.
import { render as renderMarkdown } from "../markdown.js";
import { element, formatDateTime } from "./dom.js";
import { openEmojiPicker } from "./emoji-picker.js";
import { decorateMessage } from "./message-tools.js";

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

export function bindMessageList(state, sync) {
  const log = document.getElementById("messages");
  const title = document.getElementById("channel-title");
  const older = document.getElementById("load-older");
  const articles = new Map(); // message id or clientMessageId -> {article, version}
  let shownChannel = null;

  const render = (keepBottom) => {
    const channel = state.openChannel();
    title.textContent = channel ? channel.name : "";
    if (shownChannel !== state.openChannelId) {
      articles.clear();
      shownChannel = state.openChannelId;
      keepBottom = true;
    }
    if (!channel) {
      log.replaceChildren();
      return;
    }
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    const heightBefore = log.scrollHeight;
    const scrollBefore = log.scrollTop;
    const wanted = [];
    for (const message of channel.timeline.inOrder()) {
      if (message.replyToId) continue; // replies show in their thread
      wanted.push(entry(`m${message.id}`, message.lastSeq, () => messageArticle(message, state.user, sync)));
    }
    for (const item of state.pendingIn(channel.id)) {
      if (item.replyToId) continue;
      wanted.push(entry(`p${item.clientMessageId}`, `${item.state}:${item.error}`, () => pendingArticle(item, state.user)));
    }
    placeArticles(log, articles, wanted);
    older.hidden = !channel.timeline.hasOlder || !channel.timeline.loaded;
    if (keepBottom === "older") {
      log.scrollTop = scrollBefore + (log.scrollHeight - heightBefore);
    } else if (keepBottom || atBottom) {
      log.scrollTop = log.scrollHeight;
    }
  };

  const entry = (key, version, build) => keptArticle(articles, key, version, build);

  older.addEventListener("click", () => sync.loadOlder());
  log.addEventListener("scroll", () => {
    if (log.scrollTop < 40) sync.loadOlder();
  });
  state.addEventListener("change", (event) => {
    if (event.detail === "messages" || event.detail === "open" || event.detail === "outbox") render(false);
    if (event.detail === "older") render("older");
  });
}

/**
 * The article shown for `key` from `articles` (key -> {article, version}), built again,
 * and put in the old one's place, only when its version changed.
 */
export function keptArticle(articles, key, version, build) {
  let held = articles.get(key);
  if (!held || held.version !== version) {
    const article = build();
    held?.article.replaceWith(article);
    held = { article, version };
    articles.set(key, held);
  }
  return { key, article: held.article };
}

/**
 * Makes `log` hold exactly the `wanted` articles ({key, article}, in order), moving only
 * those out of place, and forgets the kept ones no longer wanted.
 */
export function placeArticles(log, articles, wanted) {
  const keys = new Set(wanted.map((w) => w.key));
  for (const key of articles.keys()) if (!keys.has(key)) articles.delete(key);
  wanted.forEach(({ article }, index) => {
    if (log.children[index] !== article) log.insertBefore(article, log.children[index] ?? null);
  });
  while (log.children.length > wanted.length) log.lastElementChild.remove();
}

/** @param inThread shown in the thread panel, where it has no thread control */
export function messageArticle(message, me, sync, inThread = false) {
  const article = document.createElement("article");
  article.className = "message";
  article.dataset.seq = message.seq;
  article.dataset.id = message.id;
  if (message.sender?.id === me.id) article.classList.add("mine");
  const header = document.createElement("header");
  const sender = document.createElement("span");
  sender.className = "sender";
  sender.textContent = message.sender?.username ?? "unknown";
  const time = element("time", { dateTime: message.createdAt, textContent: timeFormat.format(new Date(message.createdAt)), title: formatDateTime(message.createdAt) });
  header.append(sender, " ", time);
  if (message.editedAt && !message.deleted) {
    const edited = document.createElement("span");
    edited.className = "edited";
    edited.textContent = "(edited)";
    edited.title = `Edited ${formatDateTime(message.editedAt)}`;
    header.append(" ", edited);
  }
  const content = document.createElement("div");
  content.className = "content";
  if (message.deleted) {
    content.classList.add("deleted");
    content.textContent = "This message was deleted.";
  } else {
    content.append(...renderMarkdown(message.content, me.username));
  }
  article.append(header, content);
  if (!message.deleted) article.append(reactions(message, me, sync));
  decorateMessage(article, message, inThread);
  return article;
}

/** Chips of the reactions so far (pressed where one is mine) and a small picker. */
function reactions(message, me, sync) {
  const row = document.createElement("div");
  row.className = "reactions";
  for (const reaction of message.reactions ?? []) {
    const mine = reaction.userIds.includes(me.id);
    const chip = document.createElement("button");
    chip.type = "button";
    chip.className = "reaction";
    chip.textContent = `${reaction.emoji} ${reaction.count}`;
    chip.setAttribute("aria-pressed", String(mine));
    chip.addEventListener("click", () => sync.react(message, reaction.emoji, !mine));
    row.append(chip);
  }
  const add = document.createElement("button");
  add.type = "button";
  add.className = "add-reaction";
  add.textContent = "+";
  add.setAttribute("aria-label", "Add reaction");
  add.setAttribute("aria-expanded", "false");
  add.addEventListener("click", () =>
    openEmojiPicker(add, (emoji) => {
      const held = (message.reactions ?? []).find((r) => r.emoji === emoji);
      if (!held?.userIds.includes(me.id)) sync.react(message, emoji, true);
    }),
  );
  row.append(add);
  return row;
}

export function pendingArticle(item, me) {
  const article = document.createElement("article");
  article.className = `message mine pending ${item.state}`;
  const header = document.createElement("header");
  const sender = document.createElement("span");
  sender.className = "sender";
  sender.textContent = me.username;
  const status = document.createElement("span");
  status.className = "delivery";
  status.textContent = item.state === "failed" ? `Not sent: ${item.error}` : item.state === "sent" ? "Sending…" : "Waiting for the connection";
  header.append(sender, " ", status);
  const content = document.createElement("div");
  content.className = "content";
  content.textContent = item.content;
  article.append(header, content);
  return article;
}
