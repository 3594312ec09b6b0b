// The Settings dialog: theme, compact mode and notification sound, stored with
// /api/me/settings; and the open channel's notification level, which the server keeps
// per member (PUT /api/channels/{id}/preferences) because it decides who is notified.
import { topBarDialog } from "./dialog.js";

const LEVELS = [
  ["all", "All messages"],
  ["mentions", "Mentions only"],
  ["none", "Nothing"],
];

export function bindSettings({ api, state, settings, failed }) {
  const apply = () => {
    const theme = settings.get("theme", matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
    const root = document.documentElement;
    root.classList.toggle("theme-dark", theme === "dark");
    root.classList.toggle("theme-light", theme !== "dark");
    root.classList.toggle("compact", settings.get("compact", false) === true);
  };
  settings.addEventListener("change", apply);
  apply();

  const theme = fieldset("Theme");
  const radios = ["light", "dark"].map((value) => {
    const { label, input } = control("radio", value === "light" ? "Light" : "Dark");
    input.name = "theme";
    input.value = value;
    input.addEventListener("change", () => input.checked && settings.set("theme", value));
    theme.append(label);
    return input;
  });

  const display = fieldset("Display and sound");
  const compact = control("checkbox", "Compact mode");
  compact.input.addEventListener("change", () => settings.set("compact", compact.input.checked));
  const sound = control("checkbox", "Notification sound");
  sound.input.addEventListener("change", () => settings.set("notificationSound", sound.input.checked));
  display.append(compact.label, sound.label);

  const channelBox = fieldset("");
  const channelLegend = channelBox.querySelector("legend");
  const levelLabel = document.createElement("label");
  levelLabel.htmlFor = "channel-level";
  levelLabel.textContent = "Notify me of";
  const level = document.createElement("select");
  level.id = "channel-level";
  for (const [value, text] of LEVELS) level.append(new Option(text, value));
  const muted = control("checkbox", "Leave out of unread badges");
  const channelHint = document.createElement("p");
  channelHint.className = "hint";
  channelHint.setAttribute("aria-live", "polite");
  channelBox.append(levelLabel, level, muted.label, channelHint);

  let channel = null;
  const savePreferences = async () => {
    if (!channel) return;
    channelHint.textContent = "";
    try {
      const saved = await api.put(`/api/channels/${channel.id}/preferences`, { notifications: level.value, muted: muted.input.checked });
      const held = state.channels.get(channel.id);
      if (held) {
        held.muted = !!saved.muted;
        state.changed("channels");
      }
      channelHint.textContent = "Saved.";
    } catch (error) {
      channelHint.textContent = `Not saved: ${error.message}`;
      failed(error);
    }
  };
  level.addEventListener("change", savePreferences);
  muted.input.addEventListener("change", savePreferences);

  topBarDialog({ button: "Settings", heading: "Settings", className: "settings-dialog" }, [theme, display, channelBox], async () => {
    const dark = document.documentElement.classList.contains("theme-dark");
    radios[0].checked = !dark;
    radios[1].checked = dark;
    compact.input.checked = settings.get("compact", false) === true;
    sound.input.checked = settings.get("notificationSound", false) === true;
    channel = state.openChannel();
    channelBox.hidden = !channel;
    channelHint.textContent = "";
    if (!channel) return;
    channelLegend.textContent = `Notifications from ${channel.name}`;
    level.disabled = muted.input.disabled = true;
    try {
      const listed = (await api.get("/api/channels")).find((c) => c.id === channel.id);
      level.value = listed?.notifications ?? "all";
      muted.input.checked = !!listed?.muted;
      level.disabled = muted.input.disabled = false;
    } catch (error) {
      failed(error);
    }
  });
}

function fieldset(legendText) {
  const box = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = legendText;
  box.append(legend);
  return box;
}

function control(type, text) {
  const label = document.createElement("label");
  label.className = "choice";
  const input = document.createElement("input");
  input.type = type;
  label.append(input, " ", text);
  return { label, input };
}
