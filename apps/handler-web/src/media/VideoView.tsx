import { useEffect, useRef, type VideoHTMLAttributes } from 'react';

type Props = Omit<VideoHTMLAttributes<HTMLVideoElement>, 'ref'> & {
  stream: MediaStream | null;
  /** The browser refused to start playback with sound until the user interacts with the page. */
  onPlaybackBlocked?: () => void;
  'data-testid'?: string;
  'data-role'?: string;
};

/** A <video> bound to a MediaStream (srcObject cannot be set from JSX). */
export function VideoView({ stream, onPlaybackBlocked, ...rest }: Props) {
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    if (element.srcObject !== stream) element.srcObject = stream;
    if (stream) {
      element.play().catch((error: unknown) => {
        if (error instanceof DOMException && error.name === 'NotAllowedError') onPlaybackBlocked?.();
      });
    }
  }, [stream, onPlaybackBlocked]);

  return <video ref={video} autoPlay playsInline {...rest} />;
}
