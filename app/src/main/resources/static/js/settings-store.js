// The user's client settings, kept on the server with /api/me/settings (PROTOCOL.md
// section 8) so that they follow the user from browser to browser. The server stores the
// object as it is; this keeps every key it finds, also keys it does not use itself.
const SAVE_DELAY_MS = 300;

export class SettingsStore extends EventTarget {
  #api;
  #values = {};
  #saveTimer = null;
  #saving = Promise.resolve();

  constructor(api) {
    super();
    this.#api = api;
  }

  async load() {
    const stored = await this.#api.get("/api/me/settings");
    this.#values = stored && typeof stored === "object" && !Array.isArray(stored) ? stored : {};
    this.dispatchEvent(new CustomEvent("change", { detail: null }));
  }

  get(key, fallback) {
    return Object.hasOwn(this.#values, key) ? this.#values[key] : fallback;
  }

  /** Changes one setting at once here, and on the server a moment later. */
  set(key, value) {
    if (this.#values[key] === value) return;
    this.#values = { ...this.#values, [key]: value };
    this.dispatchEvent(new CustomEvent("change", { detail: key }));
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.#save(), SAVE_DELAY_MS);
  }

  /** Resolves once what was set so far is stored. */
  flush() {
    if (this.#saveTimer !== null) {
      clearTimeout(this.#saveTimer);
      this.#save();
    }
    return this.#saving;
  }

  #save() {
    this.#saveTimer = null;
    const values = this.#values;
    this.#saving = this.#saving
      .then(() => this.#api.put("/api/me/settings", values))
      .catch((error) => console.warn("settings not stored", error));
  }
}
