import { useEffect, useRef } from 'react';

interface MediaVideoProps {
  stream: MediaStream;
  /** Self view and shared screens are always muted; remote cameras carry the voices. */
  muted: boolean;
  label: string;
  className?: string;
  testId: string;
  role?: string;
  /** The browser refused to play sound without a user gesture (a kiosk started without the autoplay flag). */
  onSoundBlocked?: () => void;
}

/** A <video> bound to a MediaStream; rebinds when the stream gains or loses tracks. */
export function MediaVideo({ stream, muted, label, className, testId, role, onSoundBlocked }: MediaVideoProps) {
  const ref = useRef<HTMLVideoElement>(null);
  const soundBlocked = useRef(onSoundBlocked);
  useEffect(() => {
    soundBlocked.current = onSoundBlocked;
  });
  const tracks = stream
    .getTracks()
    .map((track) => track.id)
    .join(',');

  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.muted = muted;
    if (video.srcObject !== stream) video.srcObject = stream;
    video.play().catch((error: unknown) => {
      if (error instanceof DOMException && error.name === 'NotAllowedError' && !video.muted) soundBlocked.current?.();
    });
  }, [stream, tracks, muted]);

  useEffect(() => {
    const video = ref.current;
    return () => {
      if (video) video.srcObject = null;
    };
  }, []);

  return (
    <video
      ref={ref}
      className={className}
      autoPlay
      playsInline
      muted={muted}
      aria-label={label}
      data-testid={testId}
      data-role={role}
    />
  );
}
