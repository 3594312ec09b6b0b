// Finding people in the directory and starting a conversation with them: one person
// makes a direct conversation, several a group one (POST /api/direct). Whoever is
// chosen stays chosen while the search changes.
import { presenceDot } from "../people.js";
import { bindDialog, showError, submitThenGo } from "./dialog.js";

const SEARCH_DELAY_MS = 200;

export function bindDirectory(api, sync, people, state, onFailure) {
  const dialog = document.getElementById("new-conversation");
  const form = dialog.querySelector("form");
  const query = document.getElementById("people-query");
  const list = dialog.querySelector("ul");
  const status = dialog.querySelector("[role=status]");
  const chosen = new Map(); // user id -> entry
  let found = [];
  let searchTimer = null;
  let searchCount = 0;

  const render = () => {
    // The chosen first, then whoever else the search found.
    const shown = [...chosen.values(), ...found.filter((entry) => !chosen.has(entry.id))];
    people.watch(shown.map((entry) => entry.id));
    const focusedId = document.activeElement?.dataset?.userId;
    list.replaceChildren(...shown.map(personRow));
    if (focusedId) list.querySelector(`[data-user-id="${focusedId}"]`)?.focus();
    status.textContent = chosen.size === 0 ? (found.length === 0 ? "Nobody found." : "") : `With ${[...chosen.values()].map((e) => e.username).join(", ")}.`;
  };

  const personRow = (entry) => {
    const item = document.createElement("li");
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = chosen.has(entry.id);
    box.dataset.userId = String(entry.id);
    box.addEventListener("change", () => {
      if (box.checked) chosen.set(entry.id, entry);
      else chosen.delete(entry.id);
      render();
    });
    const name = document.createElement("span");
    name.className = "row-name";
    name.textContent = entry.username;
    const detail = document.createElement("span");
    detail.className = "row-detail";
    const presence = people.status(entry.id);
    detail.textContent = [entry.displayName !== entry.username ? entry.displayName : null, presence].filter(Boolean).join(", ");
    // One run of text, so that it reads (and is named) "bob, Bob Builder, online".
    const text = document.createElement("span");
    text.append(name, detail.textContent ? ", " : "", detail);
    label.append(box, presenceDot(presence), text);
    item.append(label);
    return item;
  };

  const search = async () => {
    const mine = ++searchCount;
    try {
      const result = await people.search(query.value.trim());
      if (mine !== searchCount) return;
      found = result.filter((entry) => entry.id !== state.user.id);
      render();
    } catch (error) {
      if (error.status) showError(dialog, error);
      else onFailure(error);
    }
  };

  const controls = bindDialog(dialog, document.getElementById("new-conversation-button"), () => {
    chosen.clear();
    found = [];
    query.value = "";
    list.replaceChildren();
    status.textContent = "";
    query.focus();
    search();
  });
  query.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(search, SEARCH_DELAY_MS);
  });
  // Enter in the search field searches at once rather than starting a conversation.
  query.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      clearTimeout(searchTimer);
      search();
    }
  });
  people.addEventListener("change", () => {
    if (dialog.open) render();
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (chosen.size === 0) {
      showError(dialog, new Error("Choose at least one person."));
      return;
    }
    await submitThenGo(dialog, controls, sync, onFailure, () => api.post("/api/direct", { userIds: [...chosen.keys()] }));
  });
}
