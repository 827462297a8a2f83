import { useEffect, useRef, type VideoHTMLAttributes } from 'react';

type Props = Omit<VideoHTMLAttributes<HTMLVideoElement>, 'ref'> & {
  stream: MediaStream | null;
  /** The browser refused to play sound until the user interacts with the page (or a kiosk lacks the autoplay flag). */
  onPlaybackBlocked?: () => void;
  'data-testid'?: string;
  'data-role'?: string;
};

/**
 * A <video> bound to a MediaStream, for every web client (srcObject cannot be set from JSX). It
 * binds again when the stream gains or loses tracks, sets `muted` on the element itself (React
 * does not reliably reflect the attribute), and lets go of the stream when it unmounts.
 */
export function MediaVideo({ stream, muted = false, onPlaybackBlocked, ...rest }: Props) {
  const ref = useRef<HTMLVideoElement>(null);
  const blocked = useRef(onPlaybackBlocked);
  useEffect(() => {
    blocked.current = onPlaybackBlocked;
  });
  const tracks = stream
    ?.getTracks()
    .map((track) => track.id)
    .join(',');

  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.muted = muted;
    if (video.srcObject !== stream) video.srcObject = stream;
    if (!stream) return;
    video.play().catch((error: unknown) => {
      if (error instanceof DOMException && error.name === 'NotAllowedError' && !video.muted) blocked.current?.();
    });
  }, [stream, tracks, muted]);

  useEffect(() => {
    const video = ref.current;
    return () => {
      if (video) video.srcObject = null;
    };
  }, []);

  return <video ref={ref} autoPlay playsInline muted={muted} {...rest} />;
}
