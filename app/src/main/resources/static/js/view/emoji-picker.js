// The emoji picker for reactions: a searchable grid of emoji, the ones used lately first
// (remembered in localStorage), operable with arrow keys, Enter and Escape.
import { EMOJI } from "../emoji-data.js";
import { button, element } from "./dom.js";

const RECENT_KEY = "switchboard.recentEmoji";
const RECENT_MAX = 16;
const COLUMNS = 8; // as css/messages.css lays the grid out

let shown = null; // {picker, anchor}

/** The emoji picked lately, most recent first. */
export function recentEmoji() {
  try {
    const stored = JSON.parse(localStorage.getItem(RECENT_KEY));
    return Array.isArray(stored) ? stored.filter((e) => typeof e === "string") : [];
  } catch {
    return [];
  }
}

function remember(emoji) {
  const recent = [emoji, ...recentEmoji().filter((e) => e !== emoji)].slice(0, RECENT_MAX);
  localStorage.setItem(RECENT_KEY, JSON.stringify(recent));
}

/** Every emoji once, recent ones first, each with its name. */
function ordered() {
  const byEmoji = new Map(EMOJI.map((e) => [e.emoji, e]));
  const recent = recentEmoji().map((emoji) => byEmoji.get(emoji) ?? { emoji, name: "" });
  const seen = new Set(recent.map((e) => e.emoji));
  return [...recent.map((e) => ({ ...e, recent: true })), ...EMOJI.filter((e) => !seen.has(e.emoji))];
}

/** Opens the picker after `anchor` (or closes it, if it is open there). */
export function openEmojiPicker(anchor, onPick) {
  const again = shown?.anchor === anchor;
  closeEmojiPicker(again);
  if (again) return;

  const search = element("input", { type: "search", className: "emoji-search", placeholder: "Search emoji", autocomplete: "off", "aria-label": "Search emoji" });
  const grid = element("div", { className: "emoji-grid" });
  const empty = element("p", { className: "emoji-empty", textContent: "No emoji found.", hidden: true });
  const picker = element("div", { className: "emoji-picker", role: "dialog", "aria-label": "Emoji picker" }, search, grid, empty);

  const pick = (emoji) => {
    remember(emoji);
    closeEmojiPicker(true);
    onPick(emoji);
  };
  const fill = () => {
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const matching = ordered().filter((e) => words.every((w) => e.name.split(" ").some((n) => n.startsWith(w))));
    grid.replaceChildren(
      ...matching.map((e, index) => {
        const choice = button(e.emoji, { className: e.recent ? "emoji recent" : "emoji", title: e.name, tabIndex: index === 0 ? 0 : -1, "aria-label": `React with ${e.emoji}` });
        choice.addEventListener("click", () => pick(e.emoji));
        return choice;
      }),
    );
    empty.hidden = matching.length > 0;
  };
  search.addEventListener("input", fill);
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      grid.firstElementChild?.click();
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      grid.firstElementChild?.focus();
    }
  });
  grid.addEventListener("keydown", (event) => {
    const buttons = [...grid.children];
    const at = buttons.indexOf(document.activeElement);
    if (at < 0) return;
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, ArrowDown: at + COLUMNS, ArrowUp: at - COLUMNS, Home: 0, End: buttons.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    if (event.key === "ArrowUp" && to < 0) {
      search.focus();
      return;
    }
    const target = buttons[Math.max(0, Math.min(buttons.length - 1, to))];
    buttons[at].tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  });
  picker.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      closeEmojiPicker(true);
    }
  });
  fill();
  // Below the row of reactions, not squeezed in beside them.
  (anchor.closest(".reactions") ?? anchor).after(picker);
  anchor.setAttribute("aria-expanded", "true");
  shown = { picker, anchor };
  search.focus();
  picker.scrollIntoView({ block: "nearest" });
}

/** Closes the picker; `refocus` puts the focus back on what opened it. */
export function closeEmojiPicker(refocus) {
  if (!shown) return;
  const { picker, anchor } = shown;
  shown = null;
  picker.remove();
  anchor.setAttribute("aria-expanded", "false");
  if (refocus && anchor.isConnected) anchor.focus();
}

// On click, not pointerdown: closing moves what is below the picker, and a click must
// land where it was aimed first.
document.addEventListener(
  "click",
  (event) => {
    if (shown && !shown.picker.contains(event.target) && !shown.anchor.contains(event.target)) closeEmojiPicker(false);
  },
  true,
);
