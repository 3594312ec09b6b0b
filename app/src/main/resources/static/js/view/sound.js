// A short chime made with the Web Audio API: no sound file to download.
let context = null;

export function playChime() {
  const AudioContext = window.AudioContext ?? window.webkitAudioContext;
  if (!AudioContext) return;
  context ??= new AudioContext();
  // Browsers start an AudioContext suspended until the page has had a click or a key.
  if (context.state === "suspended") context.resume().catch(() => {});
  const now = context.currentTime;
  const gain = context.createGain();
  gain.gain.setValueAtTime(0.0001, now);
  gain.gain.exponentialRampToValueAtTime(0.2, now + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.35);
  gain.connect(context.destination);
  for (const [frequency, start] of [[880, 0], [1320, 0.09]]) {
    const tone = context.createOscillator();
    tone.type = "sine";
    tone.frequency.value = frequency;
    tone.connect(gain);
    tone.start(now + start);
    tone.stop(now + 0.36);
  }
}
