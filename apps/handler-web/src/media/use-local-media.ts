import { useCallback, useEffect, useRef, useState } from 'react';

const STORAGE_KEY = 'distans.handler.devices';

export interface DeviceChoice {
  cameraId: string | null;
  microphoneId: string | null;
}

export type MediaProblem = 'denied' | 'not-found' | 'in-use' | 'unsupported' | 'other';

export interface LocalMedia {
  stream: MediaStream | null;
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  choice: DeviceChoice;
  choose: (patch: Partial<DeviceChoice>) => void;
  starting: boolean;
  problem: MediaProblem | null;
  /** Hands the stream over (to the call); it is no longer stopped when the screen unmounts. */
  takeStream: () => MediaStream | null;
  retry: () => void;
}

function savedChoice(): DeviceChoice {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<DeviceChoice> | null;
    return { cameraId: parsed?.cameraId ?? null, microphoneId: parsed?.microphoneId ?? null };
  } catch {
    return { cameraId: null, microphoneId: null };
  }
}

function problemOf(error: unknown): MediaProblem {
  if (!(error instanceof DOMException)) return 'other';
  switch (error.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'not-found';
    case 'NotReadableError':
      return 'in-use';
    default:
      return 'other';
  }
}

function stop(stream: MediaStream | null): void {
  stream?.getTracks().forEach((track) => track.stop());
}

async function open(choice: DeviceChoice): Promise<MediaStream> {
  const video: MediaTrackConstraints = {
    width: { ideal: 1280 },
    height: { ideal: 720 },
    ...(choice.cameraId ? { deviceId: { exact: choice.cameraId } } : {}),
  };
  const audio: MediaTrackConstraints = {
    echoCancellation: true,
    noiseSuppression: true,
    ...(choice.microphoneId ? { deviceId: { exact: choice.microphoneId } } : {}),
  };
  try {
    return await navigator.mediaDevices.getUserMedia({ video, audio });
  } catch (error) {
    // A remembered device that is gone: fall back to the defaults rather than failing.
    if (error instanceof DOMException && error.name === 'OverconstrainedError') {
      return navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    }
    throw error;
  }
}

/**
 * Camera and microphone for the device check: opens the chosen devices (remembered per browser),
 * lists the devices (their names only show once permission was given) and follows plugging in and
 * out. Any stream not handed over is stopped on unmount, so the camera light goes off.
 */
export function useLocalMedia(): LocalMedia {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [choice, setChoice] = useState<DeviceChoice>(savedChoice);
  const [starting, setStarting] = useState(true);
  const [problem, setProblem] = useState<MediaProblem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const current = useRef<MediaStream | null>(null);

  const listDevices = useCallback(async () => {
    const all = await navigator.mediaDevices.enumerateDevices();
    setDevices(all.filter((device) => device.deviceId !== ''));
  }, []);

  useEffect(() => {
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem('unsupported');
      setStarting(false);
      return;
    }
    let cancelled = false;
    setStarting(true);
    // Released before opening the next device: some systems give a camera to one stream at a time.
    stop(current.current);
    current.current = null;
    setStream(null);
    open(choice)
      .then(async (next) => {
        if (cancelled) return stop(next);
        current.current = next;
        setStream(next);
        setProblem(null);
        await listDevices();
      })
      .catch((error: unknown) => {
        if (!cancelled) setProblem(problemOf(error));
      })
      .finally(() => {
        if (!cancelled) setStarting(false);
      });
    return () => {
      cancelled = true;
    };
  }, [choice, attempt, listDevices]);

  useEffect(() => {
    const onChange = () => void listDevices();
    navigator.mediaDevices?.addEventListener('devicechange', onChange);
    return () => navigator.mediaDevices?.removeEventListener('devicechange', onChange);
  }, [listDevices]);

  useEffect(
    () => () => {
      stop(current.current);
      current.current = null;
    },
    [],
  );

  const choose = useCallback((patch: Partial<DeviceChoice>) => {
    setChoice((previous) => {
      const next = { ...previous, ...patch };
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      return next;
    });
  }, []);

  const takeStream = useCallback(() => {
    const taken = current.current;
    current.current = null;
    return taken;
  }, []);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);

  // Which device is actually in use, for the selects, when the default was taken.
  const activeCamera = stream?.getVideoTracks()[0]?.getSettings().deviceId ?? null;
  const activeMicrophone = stream?.getAudioTracks()[0]?.getSettings().deviceId ?? null;

  return {
    stream,
    cameras: devices.filter((device) => device.kind === 'videoinput'),
    microphones: devices.filter((device) => device.kind === 'audioinput'),
    choice: {
      cameraId: activeCamera ?? choice.cameraId,
      microphoneId: activeMicrophone ?? choice.microphoneId,
    },
    choose,
    starting,
    problem,
    takeStream,
    retry,
  };
}
