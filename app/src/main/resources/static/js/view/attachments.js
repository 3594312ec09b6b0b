// Files: uploaded from the composer before the message that carries them is sent
// (PROTOCOL.md 3.5), and shown on messages as an image preview or a download link. The
// files need the bearer token, which no <img src> or link would send: they are fetched
// with it and shown from blob: addresses.
const PREVIEWED = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

const blobUrls = new Map(); // attachment id -> Promise of an object URL

function blobUrl(attachment, api) {
  if (!blobUrls.has(attachment.id)) {
    const url = api.blob(`/api/attachments/${attachment.id}`).then((blob) => URL.createObjectURL(blob));
    url.catch(() => blobUrls.delete(attachment.id));
    blobUrls.set(attachment.id, url);
  }
  return blobUrls.get(attachment.id);
}

/** A message's files: images previewed, every file downloadable. */
export function attachmentList(attachments, api) {
  const list = document.createElement("ul");
  list.className = "attachments";
  list.setAttribute("aria-label", "Attachments");
  for (const attachment of attachments) {
    const item = document.createElement("li");
    item.className = "attachment";
    if (PREVIEWED.has(attachment.contentType)) {
      const image = document.createElement("img");
      image.className = "attachment-preview";
      image.alt = attachment.name;
      blobUrl(attachment, api).then(
        (url) => (image.src = url),
        () => image.replaceWith(document.createTextNode("(preview not available)")),
      );
      item.append(image);
    }
    const link = document.createElement("a");
    link.className = "attachment-download";
    link.href = `/api/attachments/${attachment.id}`;
    link.download = attachment.name;
    link.textContent = `${attachment.name} (${size(attachment.size)})`;
    link.setAttribute("aria-label", `Download ${attachment.name}`);
    link.addEventListener("click", async (event) => {
      if (link.href.startsWith("blob:")) return; // the browser downloads it
      event.preventDefault();
      try {
        link.href = await blobUrl(attachment, api);
        link.click();
      } catch {
        link.textContent = `${attachment.name}: no longer available`;
      }
    });
    item.append(link);
    list.append(item);
  }
  return list;
}

function size(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A composer's Attach file button and the list of files its next message takes; the
 * elements are found by `ids` ({button, input, list}). Returns the drafts: current()
 * and clear().
 */
export function bindAttachments(state, api, onProblem, ids) {
  const button = document.getElementById(ids.button);
  const input = document.getElementById(ids.input);
  const list = document.getElementById(ids.list);
  let drafts = []; // uploads for the next message: {id, name, contentType, size}
  let uploading = 0;
  const renderDrafts = () => {
    list.replaceChildren(
      ...drafts.map((draft) => {
        const item = document.createElement("li");
        item.textContent = `${draft.name} (${size(draft.size)}) `;
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "tool";
        remove.textContent = "Remove";
        remove.setAttribute("aria-label", `Remove ${draft.name}`);
        remove.addEventListener("click", () => {
          drafts = drafts.filter((d) => d !== draft);
          renderDrafts();
          button.focus();
        });
        item.append(remove);
        return item;
      }),
    );
    if (uploading > 0) {
      const item = document.createElement("li");
      item.className = "uploading";
      item.textContent = `Uploading ${uploading === 1 ? "a file" : `${uploading} files`}…`;
      list.append(item);
    }
    list.hidden = list.childElementCount === 0;
  };
  button.addEventListener("click", () => input.click());
  input.addEventListener("change", async () => {
    const channel = state.openChannel();
    const files = [...input.files];
    input.value = "";
    if (!channel) return;
    uploading += files.length;
    renderDrafts();
    await Promise.all(
      files.map(async (file) => {
        try {
          const uploaded = await api.upload(`/api/channels/${channel.id}/attachments`, file);
          if (state.openChannelId === channel.id) drafts.push(uploaded);
        } catch (error) {
          onProblem(`${file.name} was not uploaded: ${error.status === 413 ? "the file is too large" : error.message}`);
        } finally {
          uploading -= 1;
          renderDrafts();
        }
      }),
    );
  });
  state.addEventListener("change", (event) => {
    // Uploads belong to the channel they were made in.
    if (event.detail === "open") {
      drafts = [];
      renderDrafts();
    }
  });
  renderDrafts();
  return {
    /** The files the next message takes; `uploading` while some are still on their way. */
    current: () => ({ files: [...drafts], uploading: uploading > 0 }),
    clear: () => {
      drafts = [];
      renderDrafts();
    },
  };
}

/**
 * What a composer sends: its text, or the files' names when it has none (the server
 * wants some content), with the files; or a problem to show.
 */
export function outgoing(text, drafts) {
  const attached = drafts.current();
  if (attached.uploading) return { problem: "Wait until the files are uploaded." };
  const content = text.trim() || attached.files.map((f) => f.name).join(", ");
  return { content, extra: attached.files.length ? { attachments: attached.files } : {} };
}
