// Who is signed in. The token lives in memory and in sessionStorage, so that a reload
// keeps the tab signed in while other tabs and a closed browser do not; never in a
// cookie, which the browser would send by itself.
const KEY = "switchboard.session";
// A token is renewed when this much of its life has passed, which leaves a quarter of it
// (15 minutes of the default hour) for a renewal that has to wait for the network.
const RENEW_AT = 0.75;
const RENEW_RETRY_MS = 15000;

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
  const receivedAt = Date.now();
  const me = await fetch("/api/me", { headers: { Authorization: `Bearer ${accessToken}` } });
  if (!me.ok) throw new Error(`Sign-in failed (${me.status}).`);
  const { id, username: name, displayName } = await me.json();
  const session = { token: accessToken, receivedAt, user: { id, username: name, displayName } };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

/**
 * Keeps the session's token fresh with POST /api/auth/token/renew (PROTOCOL.md section
 * 1) before it expires, so that whoever stays signed in never meets an expired token.
 * `renewed(token)` hears each new one; `ended(error)` hears a SessionExpired when the
 * server will not renew (the session's maximum age, a new password, a disabled
 * account). Returns a function that stops renewing.
 */
export function keepRenewing(session, renewed, ended) {
  let timer = null;
  let running = true;
  let renewing = false;
  const renewNow = async () => {
    clearTimeout(timer);
    if (renewing) return;
    renewing = true;
    let response;
    try {
      response = await fetch("/api/auth/token/renew", { method: "POST", headers: { Authorization: `Bearer ${session.token}` } });
    } catch {
      response = null;
    } finally {
      renewing = false;
    }
    if (!running) return;
    if (response?.status === 401) {
      ended(new SessionExpired("session expired"));
      return;
    }
    // A server that trusts an external issuer renews nothing: that issuer's client does.
    if (response?.status === 404) return;
    if (!response?.ok) {
      // Offline or the server busy: try again; should the token expire meanwhile, the
      // next attempt hears 401 and the session ends as it would have.
      timer = setTimeout(renewNow, RENEW_RETRY_MS);
      return;
    }
    const { accessToken } = await response.json();
    session.token = accessToken;
    session.receivedAt = Date.now();
    sessionStorage.setItem(KEY, JSON.stringify(session));
    renewed(accessToken);
    schedule();
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(renewNow, Math.max(0, renewalDue(session) - Date.now()));
  };
  // A hidden tab's timers may be held back for minutes, a sleeping laptop's for hours:
  // coming back, the tab renews at once if it is due.
  const onVisible = () => {
    if (document.visibilityState === "visible" && Date.now() >= renewalDue(session)) renewNow();
  };
  document.addEventListener("visibilitychange", onVisible);
  schedule();
  return () => {
    running = false;
    clearTimeout(timer);
    document.removeEventListener("visibilitychange", onVisible);
  };
}

/**
 * When the token is due for renewal, on this browser's clock: measured from when it
 * arrived, so that a clock that differs from the server's makes no difference.
 */
function renewalDue(session) {
  const { iat, exp } = claims(session.token);
  const receivedAt = session.receivedAt ?? iat * 1000;
  return receivedAt + (exp - iat) * 1000 * RENEW_AT;
}

/** The token's claims, read to learn its lifetime; the server checks its signature. */
function claims(token) {
  const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
  return JSON.parse(atob(payload));
}

export function forgetSession() {
  sessionStorage.removeItem(KEY);
}
