// The composer: Enter sends, Shift+Enter starts a new line. Sending never waits for
// the network; the outbox takes the message whatever the connection's state.
import { outgoing } from "./attachments.js";

const MAX_CODE_POINTS = 4000;

/** @param attachments the drafts of this composer's Attach file (attachments.js) */
export function bindComposer(state, sync, attachments) {
  const form = document.getElementById("composer");
  const input = document.getElementById("message-input");
  const hint = document.getElementById("composer-hint");

  const submit = () => {
    const { problem, content, extra } = outgoing(input.value, attachments);
    if (problem) {
      hint.textContent = problem;
      return;
    }
    if (!content || !state.openChannel()) return;
    if ([...content].length > MAX_CODE_POINTS) {
      hint.textContent = `A message is at most ${MAX_CODE_POINTS} characters.`;
      return;
    }
    hint.textContent = "";
    sync.send(content, extra);
    attachments.clear();
    input.value = "";
  };
  sendOnEnter(form, input, submit);
  input.addEventListener("input", () => sync.typing(input.value.trim() !== ""));
  state.addEventListener("change", (event) => {
    if (event.detail === "open") input.focus();
  });
}

/** The form's submit, and Enter in its box without Shift, call `submit`. */
export function sendOnEnter(form, input, submit) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
}
