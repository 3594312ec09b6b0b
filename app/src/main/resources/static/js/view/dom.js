// Building the page's elements. Text always goes in as text (textContent or text nodes),
// never as markup, which is what keeps what users write from running.
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * A new element with `props` set and `children` (elements or strings) appended. A prop
 * is set as a property (className, type, textContent, hidden, tabIndex...), except `role`
 * and names with a dash (aria-label, aria-live...), which are attributes; undefined and
 * null props are left out.
 */
export function element(tag, props = {}, ...children) {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (name === "role" || name.includes("-")) made.setAttribute(name, String(value));
    else made[name] = value;
  }
  made.append(...children);
  return made;
}

/** A button that only does what its script says (never submits a form). */
export function button(text, props = {}) {
  return element("button", { type: "button", textContent: text, ...props });
}

/** A `<time>` for an ISO-8601 instant, shown as a medium date and a short time. */
export function timeElement(iso, props = {}) {
  return element("time", { dateTime: iso, textContent: formatDateTime(iso), ...props });
}

/** An ISO-8601 instant as a medium date and a short time, in the reader's zone. */
export function formatDateTime(iso) {
  return dateTimeFormat.format(new Date(iso));
}
