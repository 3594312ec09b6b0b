// Starts the client: the sign-in form, or the chat for the session this tab kept.
import { Api } from "./api.js";
import { Connection } from "./connection.js";
import { forgetOutbox, keepOutbox } from "./outbox-store.js";
import { forgetSession, keepRenewing, SessionExpired, storedSession } from "./session.js";
import { ChatState } from "./state.js";
import { ChatSync } from "./sync.js";
import { SettingsStore } from "./settings-store.js";
import { bindAdmin } from "./view/admin.js";
import { bindAnnouncements } from "./view/announcements.js";
import { bindMembers } from "./view/members.js";
import { bindModeration } from "./view/moderation.js";
import { bindNotifications } from "./view/notifications.js";
import { bindSettings } from "./view/settings.js";
import { followNewConversations } from "./conversations.js";
import { People } from "./people.js";
import { bindChannelDialogs } from "./view/channel-dialogs.js";
import { bindComposer } from "./view/composer.js";
import { bindConnectionStatus } from "./view/connection-status.js";
import { bindAttachments } from "./view/attachments.js";
import { attachMentions } from "./view/mentions.js";
import { bindDirectory } from "./view/directory.js";
import { bindMessageList } from "./view/message-list.js";
import { bindMessageTools } from "./view/message-tools.js";
import { bindNarrowSidebar } from "./view/narrow-sidebar.js";
import { bindReadReceipts } from "./view/read-receipts.js";
import { bindSidebar } from "./view/sidebar.js";
import { bindThreadPanel } from "./view/thread-panel.js";
import { bindTypingIndicator } from "./view/typing-indicator.js";
import { showSignIn } from "./view/sign-in.js";

function start() {
  const session = storedSession();
  if (session) startChat(session);
  else showSignIn(startChat);
}

async function startChat(session) {
  const api = new Api(session.token);
  const connection = new Connection(session.token);
  const state = new ChatState(session.user);
  keepOutbox(state);
  const sync = new ChatSync(api, connection, state);
  const settings = new SettingsStore(api);
  const directory = new People(api, connection);

  let stopRenewing = () => {};
  const signOut = async (notice) => {
    stopRenewing();
    await settings.flush();
    await connection.stop();
    forgetSession();
    // Signing out on purpose drops unsent messages; an ended session keeps them for
    // the same user's next sign-in in this tab.
    if (!notice) forgetOutbox(session.user.id);
    history.replaceState(null, "", location.pathname + location.search);
    // A fresh page: nothing of this user's chat stays in memory for the next one.
    if (notice) sessionStorage.setItem("switchboard.notice", notice);
    location.reload();
  };
  const failed = (error) => {
    if (error instanceof SessionExpired) signOut("Your session ended. Please sign in again.");
    else console.error(error);
  };
  sync.onFailure(failed);
  stopRenewing = keepRenewing(
    session,
    (token) => {
      api.useToken(token);
      connection.reconnectWith(token);
    },
    failed,
  );
  connection.addEventListener("unauthorized", async () => {
    // A role change also ends sessions this way, and the same token then connects
    // again; only a token the server no longer accepts ends the session here.
    try {
      await api.get("/api/me");
    } catch (error) {
      failed(error);
    }
  });

  // Settings first, so that the theme is right before anything shows.
  let me;
  try {
    [me] = await Promise.all([api.get("/api/me"), settings.load()]);
  } catch (error) {
    failed(error);
    return;
  }
  const context = { api, connection, state, sync, settings, me, failed };
  bindSettings(context);

  document.getElementById("app").hidden = false;
  document.getElementById("me").textContent = session.user.username;
  document.getElementById("sign-out").onclick = () => signOut();
  bindConnectionStatus(connection);
  bindSidebar(state, directory);
  bindNarrowSidebar(state);
  bindChannelDialogs(api, sync, failed);
  bindDirectory(api, sync, directory, state, failed);
  followNewConversations(connection, state, sync, failed);
  const composerFiles = bindAttachments(state, api, (problem) => (document.getElementById("composer-hint").textContent = problem), {
    button: "attach-button",
    input: "attach-input",
    list: "attachment-drafts",
  });
  const replyFiles = bindAttachments(state, api, (problem) => (document.getElementById("reply-hint").textContent = problem), {
    button: "reply-attach-button",
    input: "reply-attach-input",
    list: "reply-attachment-drafts",
  });
  bindMessageTools(state, sync, api, bindThreadPanel(state, sync, api, failed, replyFiles));
  bindMessageList(state, sync);
  bindReadReceipts(state, directory, api, connection);
  bindComposer(state, sync, composerFiles);
  const people = (prefix) => mentionable(api, state, prefix);
  attachMentions(document.getElementById("message-input"), people);
  attachMentions(document.getElementById("reply-input"), people);
  bindTypingIndicator(state);
  bindAnnouncements(context);
  bindNotifications(context);
  bindModeration(context);
  bindMembers(context, directory);
  bindAdmin(context);

  const openFromLocation = () => {
    const id = Number(/^#channel\/(\d+)$/.exec(location.hash)?.[1]);
    if (!state.channels.has(id)) return false;
    settings.set("lastChannel", id);
    sync.open(id).catch(failed);
    return true;
  };
  window.addEventListener("hashchange", openFromLocation);
  state.addEventListener("change", (event) => {
    // The open channel went (access ended): show another rather than nothing.
    if (event.detail === "open" && state.openChannelId === null) {
      const channel = firstChannel(state, null);
      if (channel) location.replace(`#channel/${channel.id}`);
    }
  });

  try {
    await sync.start();
  } catch (error) {
    failed(error);
    return;
  }
  if (!openFromLocation()) {
    const channel = firstChannel(state, settings.get("lastChannel", null));
    if (channel) location.replace(`#channel/${channel.id}`);
  }
}

/** Members of the open channel whose name starts with the prefix, for @mentions. */
async function mentionable(api, state, prefix) {
  const channel = state.openChannel();
  if (!channel) return [];
  const members = await api.get(`/api/channels/${channel.id}/members?query=${encodeURIComponent(prefix)}&limit=9`);
  return members.filter((m) => m.id !== state.user.id);
}

/** The channel last opened (in any browser), else general, else the first. */
function firstChannel(state, lastId) {
  const channels = state.sortedChannels();
  return state.channels.get(lastId) ?? channels.find((c) => c.name === "general") ?? channels[0];
}

const notice = sessionStorage.getItem("switchboard.notice");
sessionStorage.removeItem("switchboard.notice");
if (notice) showSignIn((session) => startChat(session), notice);
else start();
