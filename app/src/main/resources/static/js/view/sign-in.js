// The sign-in form: built-in accounts, username and password.
import { signIn } from "../session.js";

export function showSignIn(onSignedIn, notice = "") {
  const section = document.getElementById("sign-in");
  const form = section.querySelector("form");
  const error = document.getElementById("sign-in-error");
  document.getElementById("app").hidden = true;
  section.hidden = false;
  error.textContent = notice;
  form.username.focus();
  form.onsubmit = async (event) => {
    event.preventDefault();
    const button = form.querySelector("button");
    button.disabled = true;
    error.textContent = "";
    try {
      const session = await signIn(form.username.value.trim(), form.password.value);
      form.reset();
      section.hidden = true;
      onSignedIn(session);
    } catch (e) {
      error.textContent = e.message;
    } finally {
      button.disabled = false;
    }
  };
}
