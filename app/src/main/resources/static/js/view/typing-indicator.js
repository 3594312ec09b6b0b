// Who is typing in the open channel, in words, announced politely.
export function bindTypingIndicator(state) {
  const element = document.getElementById("typing");
  const render = () => {
    const names = state.openChannelId === null ? [] : state.typingIn(state.openChannelId);
    element.textContent =
      names.length === 0 ? "" : names.length === 1 ? `${names[0]} is typing…` : names.length === 2 ? `${names[0]} and ${names[1]} are typing…` : "Several people are typing…";
  };
  state.addEventListener("change", (event) => {
    if (event.detail === "typing" || event.detail === "open") render();
  });
}
