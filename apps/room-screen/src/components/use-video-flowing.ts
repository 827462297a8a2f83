import { useEffect, useState } from 'react';

function flowing(stream: MediaStream): boolean {
  return stream.getVideoTracks().some((track) => track.readyState === 'live' && track.enabled && !track.muted);
}

/**
 * Whether the stream's video is actually arriving, kept current from the tracks' own events. A
 * remote track starts muted until its first packets arrive, so a participant list taken at that
 * moment can say "camera off" for a camera that is on a second later.
 */
export function useVideoFlowing(stream: MediaStream): boolean {
  const [value, setValue] = useState(() => flowing(stream));
  // Tracks added by script fire no 'addtrack'; the engine re-emits its participants instead, so
  // the render notices the new track ids and watches again.
  const tracks = stream
    .getVideoTracks()
    .map((track) => track.id)
    .join(',');
  useEffect(() => {
    const update = () => setValue(flowing(stream));
    const watched = new Set<MediaStreamTrack>();
    const watch = () => {
      for (const track of stream.getVideoTracks()) {
        if (watched.has(track)) continue;
        watched.add(track);
        track.addEventListener('mute', update);
        track.addEventListener('unmute', update);
        track.addEventListener('ended', update);
      }
      update();
    };
    watch();
    stream.addEventListener('addtrack', watch);
    stream.addEventListener('removetrack', update);
    return () => {
      stream.removeEventListener('addtrack', watch);
      stream.removeEventListener('removetrack', update);
      for (const track of watched) {
        track.removeEventListener('mute', update);
        track.removeEventListener('unmute', update);
        track.removeEventListener('ended', update);
      }
    };
  }, [stream, tracks]);
  return value;
}
