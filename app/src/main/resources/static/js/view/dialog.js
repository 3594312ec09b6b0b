// Modal dialogs: the browser's own <dialog>, whose showModal() keeps focus and the
// pointer inside it and closes on Escape. Focus goes back to whatever opened it.
import { button, element } from "./dom.js";

export function bindDialog(dialog, opener, onOpen) {
  let returnTo = null;
  opener.addEventListener("click", () => {
    returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : opener;
    // An opener in the narrow screen's sidebar may be hidden once the dialog closes.
    if (!returnTo.checkVisibility?.()) returnTo = null;
    dialog.querySelectorAll(".error").forEach((error) => (error.textContent = ""));
    dialog.showModal();
    onOpen?.();
  });
  dialog.querySelectorAll("[data-close]").forEach((button) => button.addEventListener("click", () => dialog.close()));
  dialog.addEventListener("close", () => {
    const target = returnTo?.isConnected && returnTo.checkVisibility?.() !== false ? returnTo : document.getElementById("message-input");
    returnTo = null;
    target?.focus();
  });
  return {
    close: () => dialog.close(),
    // Closes without handing focus back: what comes next (a channel opens) takes it.
    closeForNext: () => {
      returnTo = null;
      dialog.close();
    },
  };
}

/**
 * A dialog that a button in the top bar opens (Settings, Admin), built here: named by its
 * heading, holding `parts` and a Close button. `onOpen` runs each time it opens.
 */
export function topBarDialog({ button: buttonText, heading: headingText, className }, parts, onOpen) {
  const opener = button(buttonText, { "aria-haspopup": "dialog" });
  document.getElementById("sign-out").before(opener);
  const heading = element("h2", { id: `${className}-heading`, textContent: headingText });
  const close = button("Close");
  close.dataset.close = "";
  const dialog = element("dialog", { className, "aria-labelledby": heading.id }, heading, ...parts, close);
  document.body.append(dialog);
  bindDialog(dialog, opener, onOpen);
  return dialog;
}

/** Shows a failed request's words in the dialog's alert. */
export function showError(dialog, error) {
  dialog.querySelector(".error").textContent = error?.message || "Something went wrong. Please try again.";
}

/**
 * Runs a dialog's request for a channel (create one, start a conversation), then closes
 * the dialog and opens the channel; a refusal shows in the dialog's alert. The submit
 * button rests meanwhile, so that a double press makes one request.
 */
export async function submitThenGo(dialog, controls, sync, onFailure, request) {
  const submit = dialog.querySelector("button[type=submit]");
  submit.disabled = true;
  try {
    const view = await request();
    controls.closeForNext();
    await goToChannel(sync, view.id);
  } catch (error) {
    if (error.status) showError(dialog, error);
    else onFailure(error);
  } finally {
    submit.disabled = false;
  }
}

/** Opens a channel that has just become mine (created, joined or started). */
export async function goToChannel(sync, channelId) {
  await sync.refreshChannels();
  const target = `#channel/${channelId}`;
  if (location.hash === target) document.getElementById("message-input").focus();
  else location.hash = target;
}
