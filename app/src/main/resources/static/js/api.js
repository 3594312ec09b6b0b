// REST calls with the signed-in user's token. A 401 means the token no longer counts
// (expired, password changed, account disabled): callers sign out on SessionExpired.
import { SessionExpired } from "./session.js";

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export class Api {
  #token;

  constructor(token) {
    this.#token = token;
  }

  /** Calls from now on carry a renewed token. */
  useToken(token) {
    this.#token = token;
  }

  get(path) {
    return this.#call("GET", path);
  }

  post(path, body) {
    return this.#call("POST", path, body);
  }

  /** Uploads a file as multipart/form-data in the field `file` (PROTOCOL.md 3.5). */
  async upload(path, file) {
    const form = new FormData();
    form.append("file", file, file.name);
    const response = await fetch(path, { method: "POST", headers: { Authorization: `Bearer ${this.#token}` }, body: form });
    if (response.status === 401) throw new SessionExpired("session expired");
    if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({})));
    return response.json();
  }

  /** A file's bytes, for an image preview or a download. */
  async blob(path) {
    const response = await fetch(path, { headers: { Authorization: `Bearer ${this.#token}` } });
    if (response.status === 401) throw new SessionExpired("session expired");
    if (!response.ok) throw new ApiError(response.status, {});
    return response.blob();
  }

  put(path, body) {
    return this.#call("PUT", path, body);
  }

  patch(path, body) {
    return this.#call("PATCH", path, body);
  }

  delete(path) {
    return this.#call("DELETE", path);
  }

  async #call(method, path, body) {
    const headers = { Authorization: `Bearer ${this.#token}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 401) throw new SessionExpired("session expired");
    if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({})));
    return response.status === 204 ? null : response.json();
  }
}
