// Who is signed in. The token lives in memory and in sessionStorage, so that a reload
// keeps the tab signed in while other tabs and a closed browser do not; never in a
// cookie, which the browser would send by itself.
const KEY = "switchboard.session";

export class SessionExpired extends Error {}

export function storedSession() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY));
    return stored && stored.token && stored.user ? stored : null;
  } catch {
    return null;
  }
}

export async function signIn(username, password) {
  const response = await fetch("/api/auth/token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(response.status === 401 ? "Wrong username or password." : problem.detail || `Sign-in failed (${response.status}).`);
  }
  const { accessToken } = await response.json();
  const me = await fetch("/api/me", { headers: { Authorization: `Bearer ${accessToken}` } });
  if (!me.ok) throw new Error(`Sign-in failed (${me.status}).`);
  const { id, username: name, displayName } = await me.json();
  const session = { token: accessToken, user: { id, username: name, displayName } };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export function forgetSession() {
  sessionStorage.removeItem(KEY);
}
