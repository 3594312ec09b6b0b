// The composer: Enter sends, Shift+Enter starts a new line. Sending never waits for
// the network; the outbox takes the message whatever the connection's state.
import { outgoing } from "./attachments.js";

const MAX_CODE_POINTS = 4000;

/** @param attachments the drafts of this composer's Attach file (attachments.js) */
export function bindComposer(state, sync, attachments) {
  const input = document.getElementById("message-input");
  bindSendBox(
    { form: document.getElementById("composer"), input, hint: document.getElementById("composer-hint"), attachments, what: "A message" },
    () => !!state.openChannel(),
    (content, extra) => sync.send(content, extra),
  );
  input.addEventListener("input", () => sync.typing(input.value.trim() !== ""));
  state.addEventListener("change", (event) => {
    if (event.detail === "open") input.focus();
  });
}

/**
 * A box that sends what is typed in it with its attached files, the composer's or a
 * thread's Reply: Enter without Shift, or the form's submit, sends when `ready()` says
 * there is somewhere to send it, after the checks the server would make anyway, so that
 * the words come at once and nothing waits in the outbox only to be refused.
 */
export function bindSendBox({ form, input, hint, attachments, what }, ready, send) {
  const submit = () => {
    const { problem, content, extra } = outgoing(input.value, attachments);
    if (problem) {
      hint.textContent = problem;
      return;
    }
    if (!content || !ready()) return;
    if ([...content].length > MAX_CODE_POINTS) {
      hint.textContent = `${what} is at most ${MAX_CODE_POINTS} characters.`;
      return;
    }
    hint.textContent = "";
    send(content, extra);
    attachments.clear();
    input.value = "";
  };
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
