// The connection status: Connected, Reconnecting or Offline, announced politely.
export function bindConnectionStatus(connection) {
  const element = document.getElementById("connection-status");
  const show = () => {
    element.textContent = connection.status;
    element.dataset.status = connection.status.toLowerCase();
  };
  connection.addEventListener("status", show);
  show();
}
