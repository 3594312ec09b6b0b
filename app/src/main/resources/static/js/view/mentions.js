// @mention autocomplete for a textarea: typing @ and letters lists matching people in a
// listbox; arrow keys move, Enter or Tab chooses, Escape dismisses. The textarea keeps
// the focus throughout and names the active option with aria-activedescendant.
const MAX_SUGGESTIONS = 8;
// The @word the caret is in: @ at the start or after a space or punctuation.
const TYPED = /(?:^|[^\p{L}\p{N}_@.])@([A-Za-z0-9_.-]{1,32})$/u;

let lists = 0;

/**
 * @param suggest (prefix) => Promise of [{username, displayName}]
 */
export function attachMentions(textarea, suggest) {
  const listId = `mention-list-${++lists}`;
  const list = document.createElement("ul");
  list.id = listId;
  list.className = "mention-list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "People to mention");
  list.hidden = true;
  textarea.after(list);
  textarea.setAttribute("aria-autocomplete", "list");
  textarea.setAttribute("aria-controls", listId);

  let options = [];
  let active = 0;
  let typed = null; // {start, end}: the @word being completed
  let asked = 0;

  const dismiss = () => {
    options = [];
    typed = null;
    list.hidden = true;
    list.replaceChildren();
    textarea.removeAttribute("aria-activedescendant");
  };
  const show = () => {
    list.replaceChildren(
      ...options.map((person, index) => {
        const option = document.createElement("li");
        option.id = `${listId}-${index}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", String(index === active));
        option.className = "mention-option";
        const name = document.createElement("span");
        name.textContent = person.username;
        option.append(name);
        if (person.displayName && person.displayName !== person.username) {
          const display = document.createElement("span");
          display.className = "display-name";
          display.textContent = person.displayName;
          option.append(" ", display);
        }
        // mousedown, not click: the textarea keeps the focus.
        option.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(index);
        });
        return option;
      }),
    );
    list.hidden = options.length === 0;
    if (options.length) textarea.setAttribute("aria-activedescendant", `${listId}-${active}`);
    else textarea.removeAttribute("aria-activedescendant");
  };
  const choose = (index) => {
    const person = options[index];
    if (!person || !typed) return;
    const before = textarea.value.slice(0, typed.start);
    const after = textarea.value.slice(typed.end);
    const inserted = `@${person.username} `;
    textarea.value = before + inserted + after.replace(/^ /, "");
    const caret = before.length + inserted.length;
    textarea.setSelectionRange(caret, caret);
    dismiss();
    textarea.dispatchEvent(new Event("input"));
  };

  textarea.addEventListener("input", async () => {
    const caret = textarea.selectionStart;
    const match = textarea.selectionEnd === caret ? TYPED.exec(textarea.value.slice(0, caret)) : null;
    if (!match) {
      dismiss();
      return;
    }
    const prefix = match[1];
    const question = ++asked;
    let found;
    try {
      found = await suggest(prefix);
    } catch {
      return;
    }
    if (question !== asked) return; // a later keystroke asked again
    typed = { start: caret - prefix.length - 1, end: caret };
    options = found.slice(0, MAX_SUGGESTIONS);
    active = 0;
    show();
  });
  // Capturing on the form: these keys must not reach the textarea's Enter-sends handler.
  textarea.form.addEventListener(
    "keydown",
    (event) => {
      if (event.target !== textarea || list.hidden || !options.length) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        active = (active + (event.key === "ArrowDown" ? 1 : options.length - 1)) % options.length;
        show();
      } else if (event.key === "Enter" || event.key === "Tab") {
        choose(active);
      } else if (event.key === "Escape") {
        dismiss();
      } else {
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
    },
    true,
  );
  textarea.addEventListener("blur", () => setTimeout(() => document.activeElement !== textarea && dismiss(), 0));
}
