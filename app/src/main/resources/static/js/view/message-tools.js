// What a message shows beyond its text: the sender's badge colour, its files, its thread
// control, and for one's own messages Edit and Delete. Editing happens in place: Enter
// saves, Escape cancels; deleting asks once more, in place as well.
import { attachmentList } from "./attachments.js";

const BADGE_COLOR = /^#[0-9a-fA-F]{6}$/;

let context = null; // {state, sync, api, openThread}
const editing = new Map(); // message id -> the draft, kept while the article is rebuilt
let focusAfterRender = null; // {id, selector}: where focus goes once an article is rebuilt

export function bindMessageTools(state, sync, api, openThread) {
  context = { state, sync, api, openThread };
}

/** Adds the tools to an article that message-list.js built. */
export function decorateMessage(article, message, inThread) {
  if (!context) return;
  const me = context.state.user;
  const header = article.querySelector("header");
  const badge = senderBadge(message.sender?.badge);
  if (badge) header.querySelector(".sender").after(" ", badge);
  if (!message.deleted && message.mentions?.includes(me.id)) article.classList.add("mentions-me");
  if (!message.deleted && message.attachments?.length) {
    article.querySelector(".content").after(attachmentList(message.attachments, context.api));
  }
  const tools = document.createElement("div");
  tools.className = "message-tools";
  if (!inThread && !message.replyToId) tools.append(threadButton(message));
  if (message.sender?.id === me.id && !message.deleted) tools.append(editButton(article, message), deleteButton(article, message, tools));
  if (tools.childElementCount) article.append(tools);
  if (editing.has(message.id) && !message.deleted) startEditing(article, message, false);
  if (focusAfterRender?.id === message.id) {
    const target = article.querySelector(focusAfterRender.selector);
    focusAfterRender = null;
    if (target) queueMicrotask(() => target.focus());
  }
}

function senderBadge(badge) {
  if (!badge || !BADGE_COLOR.test(badge.color ?? "")) return null;
  const chip = document.createElement("span");
  chip.className = "sender-badge";
  const dot = document.createElement("span");
  dot.className = "badge-dot";
  dot.setAttribute("aria-hidden", "true");
  // A property set on the element, which the style-src policy allows, unlike a style attribute.
  dot.style.backgroundColor = badge.color;
  chip.style.borderColor = badge.color;
  chip.append(dot, document.createTextNode(badge.name));
  return chip;
}

function threadButton(message) {
  const count = message.threadReplyCount ?? 0;
  const button = toolButton(count === 0 ? "Reply in thread" : count === 1 ? "1 reply" : `${count} replies`);
  button.classList.add("thread-button");
  if (count > 0) button.classList.add("has-replies");
  button.addEventListener("click", () => context.openThread(message.id, button));
  return button;
}

function editButton(article, message) {
  const button = toolButton("Edit", "Edit message");
  button.classList.add("edit-button");
  button.addEventListener("click", () => startEditing(article, message, true));
  return button;
}

function deleteButton(article, message, tools) {
  const button = toolButton("Delete", "Delete message");
  button.classList.add("delete-button");
  button.addEventListener("click", () => {
    const question = document.createElement("span");
    question.className = "confirm-delete";
    question.setAttribute("role", "group");
    question.setAttribute("aria-label", "Delete this message?");
    const text = document.createElement("span");
    text.textContent = "Delete this message?";
    const confirm = toolButton("Delete", "Confirm delete");
    const cancel = toolButton("Cancel", "Cancel delete");
    const back = () => {
      question.replaceWith(button);
      button.focus();
    };
    confirm.addEventListener("click", () => {
      confirm.disabled = true;
      context.sync.change(message, "delete").catch((error) => {
        showProblem(article, `Not deleted: ${error.message}`);
        back();
      });
    });
    cancel.addEventListener("click", back);
    question.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        back();
      }
    });
    question.append(text, " ", confirm, " ", cancel);
    button.replaceWith(question);
    cancel.focus();
  });
  return button;
}

function startEditing(article, message, focus) {
  const content = article.querySelector(".content");
  if (!content || article.querySelector(".edit-box")) return;
  const draft = editing.get(message.id) ?? message.content;
  editing.set(message.id, draft);
  const box = document.createElement("textarea");
  box.className = "edit-box";
  box.rows = Math.min(8, draft.split("\n").length + 1);
  box.value = draft;
  box.setAttribute("aria-label", "Edit message");
  const help = document.createElement("p");
  help.className = "edit-help";
  help.textContent = "Enter saves, Escape cancels.";
  const stop = () => {
    editing.delete(message.id);
    box.remove();
    help.remove();
    content.hidden = false;
  };
  box.addEventListener("input", () => editing.set(message.id, box.value));
  box.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      stop();
      article.querySelector(".edit-button")?.focus();
    } else if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      const text = box.value.trim();
      if (!text) {
        showProblem(article, "A message cannot be empty: delete it instead.");
        return;
      }
      stop();
      if (text === message.content) {
        article.querySelector(".edit-button")?.focus();
        return;
      }
      // The edited message arrives as an event and replaces this article.
      focusAfterRender = { id: message.id, selector: ".edit-button" };
      article.querySelector(".edit-button")?.focus();
      context.sync.change(message, "edit", { content: text }).catch((error) => showProblem(article, `Not saved: ${error.message}`));
    }
  });
  content.hidden = true;
  content.after(box, help);
  if (focus) {
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  }
}

function showProblem(article, text) {
  let problem = article.querySelector(".message-problem");
  if (!problem) {
    problem = document.createElement("p");
    problem.className = "message-problem";
    problem.setAttribute("role", "alert");
    article.append(problem);
  }
  problem.textContent = text;
}

function toolButton(text, label) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "tool";
  button.textContent = text;
  if (label) button.setAttribute("aria-label", label);
  return button;
}
