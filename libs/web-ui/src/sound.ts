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

interface Note {
  frequency: number;
  /** Seconds after the first note. */
  at: number;
}

/** Sine notes with a soft attack and decay, made with oscillators so that no audio file is needed. */
function playNotes(notes: Note[], volume: number, length = 0.5): void {
  unlockAudio();
  const ctx = context;
  if (!ctx) return;
  const now = ctx.currentTime;
  const master = ctx.createGain();
  master.gain.value = volume;
  master.connect(ctx.destination);
  notes.forEach(({ frequency, at }) => {
    const oscillator = ctx.createOscillator();
    const envelope = ctx.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    envelope.gain.setValueAtTime(0.0001, now + at);
    envelope.gain.exponentialRampToValueAtTime(1, now + at + 0.02);
    envelope.gain.exponentialRampToValueAtTime(0.0001, now + at + length);
    oscillator.connect(envelope).connect(master);
    oscillator.start(now + at);
    oscillator.stop(now + at + length + 0.05);
  });
}

/**
 * A short, soft two-note chime (about 0.7 s). Rising notes read as "something arrived" rather than
 * an alarm: a visitor has been checked in.
 */
export function playCheckInChime(): void {
  playNotes(
    [
      { frequency: 659.25, at: 0 },
      { frequency: 880, at: 0.18 },
    ],
    0.25,
  );
}

/**
 * Three quick, louder alternating notes (about 1 s): a visitor in a room is asking for staff, which
 * must be noticed across the front desk but not sound like a fire alarm.
 */
export function playAlertTone(): void {
  playNotes(
    [
      { frequency: 880, at: 0 },
      { frequency: 698.46, at: 0.25 },
      { frequency: 880, at: 0.5 },
    ],
    0.4,
    0.3,
  );
}
