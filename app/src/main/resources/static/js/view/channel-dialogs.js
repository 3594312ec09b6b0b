// Creating a channel, and browsing the workspace's public channels to join one
// (PROTOCOL.md section 9). What the server refuses is said in the dialog, in its words.
import { bindDialog, goToChannel, showError, submitThenGo } from "./dialog.js";

export function bindChannelDialogs(api, sync, onFailure) {
  bindCreate(api, sync, onFailure);
  bindBrowse(api, sync, onFailure);
}

function bindCreate(api, sync, onFailure) {
  const dialog = document.getElementById("create-channel");
  const form = dialog.querySelector("form");
  const controls = bindDialog(dialog, document.getElementById("create-channel-button"), () => {
    form.reset();
    form.elements.namedItem("name").focus();
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const description = form.elements.namedItem("description").value.trim();
    await submitThenGo(dialog, controls, sync, onFailure, () =>
      api.post("/api/channels", {
        name: form.elements.namedItem("name").value,
        type: form.elements.namedItem("type").value,
        ...(description ? { description } : {}),
      }),
    );
  });
}

function bindBrowse(api, sync, onFailure) {
  const dialog = document.getElementById("browse-channels");
  const filter = document.getElementById("browse-channels-filter");
  const list = dialog.querySelector("ul");
  const status = dialog.querySelector("[role=status]");
  let joinable = [];

  const render = () => {
    const wanted = filter.value.trim().toLowerCase();
    const shown = joinable.filter((c) => c.name.toLowerCase().includes(wanted));
    list.replaceChildren(...shown.map((channel) => channelRow(channel)));
    status.textContent = joinable.length === 0 ? "There is no public channel you have not joined." : shown.length === 0 ? "No channel matches." : "";
  };

  const channelRow = (channel) => {
    const item = document.createElement("li");
    const text = document.createElement("div");
    const name = document.createElement("span");
    name.className = "row-name";
    name.textContent = channel.name;
    text.append(name);
    if (channel.description) {
      const description = document.createElement("span");
      description.className = "row-detail";
      description.textContent = channel.description;
      text.append(description);
    }
    const join = document.createElement("button");
    join.type = "button";
    join.textContent = "Join";
    join.setAttribute("aria-label", `Join ${channel.name}`);
    join.addEventListener("click", async () => {
      join.disabled = true;
      try {
        const view = await api.post(`/api/channels/${channel.id}/join`);
        controls.closeForNext();
        await goToChannel(sync, view.id);
      } catch (error) {
        join.disabled = false;
        if (error.status) showError(dialog, error);
        else onFailure(error);
      }
    });
    item.append(text, join);
    return item;
  };

  const controls = bindDialog(dialog, document.getElementById("browse-channels-button"), async () => {
    filter.value = "";
    filter.focus();
    joinable = [];
    list.replaceChildren();
    status.textContent = "Loading…";
    try {
      joinable = (await api.get("/api/channels/public")).sort((a, b) => a.name.localeCompare(b.name));
      render();
    } catch (error) {
      status.textContent = "";
      if (error.status) showError(dialog, error);
      else onFailure(error);
    }
  });
  filter.addEventListener("input", render);
}
