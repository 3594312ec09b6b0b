// The composer: Enter sends, Shift+Enter starts a new line. Sending never waits for
// the network; the outbox takes the message whatever the connection's state.
import { attachmentDrafts, clearAttachmentDrafts } from "./attachments.js";

const MAX_CODE_POINTS = 4000;

export function bindComposer(state, sync) {
  const form = document.getElementById("composer");
  const input = document.getElementById("message-input");
  const hint = document.getElementById("composer-hint");

  const submit = () => {
    const attached = attachmentDrafts();
    if (attached.uploading) {
      hint.textContent = "Wait until the files are uploaded.";
      return;
    }
    // A message with files needs some text too: their names, if nothing else.
    const content = input.value.trim() || attached.files.map((f) => f.name).join(", ");
    if (!content || !state.openChannel()) return;
    if ([...content].length > MAX_CODE_POINTS) {
      hint.textContent = `A message is at most ${MAX_CODE_POINTS} characters.`;
      return;
    }
    hint.textContent = "";
    sync.send(content, attached.files.length ? { attachments: attached.files } : {});
    clearAttachmentDrafts();
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
  input.addEventListener("input", () => sync.typing(input.value.trim() !== ""));
  state.addEventListener("change", (event) => {
    if (event.detail === "open") input.focus();
  });
}
