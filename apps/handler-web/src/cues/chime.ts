let context: AudioContext | null = null;

/**
 * Browsers only let a page make sound after the user has interacted with it. Called from the login
 * and sound-toggle clicks so that the context exists, unlocked, before the first check-in arrives.
 */
export function unlockAudio(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
  } catch {
    // No Web Audio: the visual and spoken cues still work.
  }
}

/**
 * A short, soft two-note chime (about 0.7 s), made with oscillators so that no audio file is needed.
 * Rising notes read as "something arrived" rather than an alarm.
 */
export function playCheckInChime(): void {
  unlockAudio();
  const ctx = context;
  if (!ctx) return;
  const now = ctx.currentTime;
  const master = ctx.createGain();
  master.gain.value = 0.25;
  master.connect(ctx.destination);
  [
    { frequency: 659.25, at: 0 },
    { frequency: 880, at: 0.18 },
  ].forEach(({ frequency, at }) => {
    const oscillator = ctx.createOscillator();
    const envelope = ctx.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    envelope.gain.setValueAtTime(0.0001, now + at);
    envelope.gain.exponentialRampToValueAtTime(1, now + at + 0.02);
    envelope.gain.exponentialRampToValueAtTime(0.0001, now + at + 0.5);
    oscillator.connect(envelope).connect(master);
    oscillator.start(now + at);
    oscillator.stop(now + at + 0.55);
  });
}
