// On a narrow screen the sidebar is hidden and the Channels button shows it over the
// conversation: Escape or choosing a channel hides it again.
const NARROW = window.matchMedia("(max-width: 600px)");

export function bindNarrowSidebar(state) {
  const toggle = document.getElementById("sidebar-toggle");
  const sidebar = document.getElementById("sidebar");

  const show = (open, focus) => {
    sidebar.classList.toggle("open", open);
    toggle.setAttribute("aria-expanded", String(open));
    if (open && focus) (sidebar.querySelector("[aria-current=page]") ?? sidebar.querySelector("a, button"))?.focus();
    if (!open && focus) toggle.focus();
  };
  toggle.addEventListener("click", () => show(!sidebar.classList.contains("open"), true));
  sidebar.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && NARROW.matches && sidebar.classList.contains("open")) {
      event.preventDefault();
      show(false, true);
    }
  });
  // A channel chosen: the conversation takes the screen (and the composer the focus).
  sidebar.addEventListener("click", (event) => {
    if (event.target.closest("a")) {
      show(false, false);
      if (event.target.closest("a").getAttribute("aria-current") === "page") document.getElementById("message-input").focus();
    }
  });
  NARROW.addEventListener("change", () => show(false, false));
  state.addEventListener("change", (event) => {
    if (event.detail === "open" && NARROW.matches) show(false, false);
  });
}
