import { useEffect, useRef, type VideoHTMLAttributes } from 'react';

type Props = Omit<VideoHTMLAttributes<HTMLVideoElement>, 'ref'> & {
  stream: MediaStream | null;
  /** The browser refused to play sound until the user interacts with the page (or a kiosk lacks the autoplay flag). */
  onPlaybackBlocked?: () => void;
  /** The element's shown height changed (CSS px): e.g. to receive the video layer that fits. */
  onHeight?: (height: number) => void;
  'data-testid'?: string;
  'data-role'?: string;
};

/**
 * A <video> bound to a MediaStream, for every web client (srcObject cannot be set from JSX). It
 * binds again (srcObject anew) when the stream gains or loses tracks, sets `muted` on the element itself (React
 * does not reliably reflect the attribute), and lets go of the stream when it unmounts.
 */
export function MediaVideo({ stream, muted = false, onPlaybackBlocked, onHeight, ...rest }: Props) {
  const ref = useRef<HTMLVideoElement>(null);
  const blocked = useRef(onPlaybackBlocked);
  const boundTracks = useRef<string | undefined>(undefined);
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
    // A track added to a stream that already plays (the camera arriving after the voice) is not
    // always picked up by the element, which then shows black: bind again when the tracks change.
    if (video.srcObject !== stream || boundTracks.current !== tracks) {
      video.srcObject = null;
      video.srcObject = stream;
      boundTracks.current = tracks;
    }
    if (!stream) return;
    video.play().catch((error: unknown) => {
      if (error instanceof DOMException && error.name === 'NotAllowedError' && !video.muted) blocked.current?.();
    });
  }, [stream, tracks, muted]);

  const heightListener = useRef(onHeight);
  useEffect(() => {
    heightListener.current = onHeight;
  });
  const wantsHeight = onHeight !== undefined;
  useEffect(() => {
    const video = ref.current;
    if (!video || !wantsHeight || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) heightListener.current?.(Math.round(entry.contentRect.height));
    });
    observer.observe(video);
    return () => observer.disconnect();
  }, [wantsHeight]);

  useEffect(() => {
    const video = ref.current;
    return () => {
      if (video) video.srcObject = null;
    };
  }, []);

  return <video ref={ref} autoPlay playsInline muted={muted} {...rest} />;
}
