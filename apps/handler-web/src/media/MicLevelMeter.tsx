import { useEffect, useRef } from 'react';

/**
 * The microphone's loudness, live, from an AnalyserNode. It writes the <meter> value directly on
 * each animation frame instead of re-rendering React sixty times a second.
 */
export function MicLevelMeter(props: { stream: MediaStream | null; label: string; id: string }) {
  const meter = useRef<HTMLMeterElement>(null);

  useEffect(() => {
    const track = props.stream?.getAudioTracks()[0];
    if (!props.stream || !track) return;
    let context: AudioContext;
    try {
      context = new AudioContext();
    } catch {
      return;
    }
    // Its own stream around the one track, so that the analyser never plays anything back.
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let frame = 0;
    let smoothed = 0;
    const tick = () => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      const rms = Math.sqrt(sum / samples.length);
      // Speech sits around 0.02-0.2 RMS; a square root spreads that across the bar.
      const level = Math.min(1, Math.sqrt(rms * 4));
      smoothed = Math.max(level, smoothed * 0.85);
      if (meter.current) meter.current.value = smoothed;
      frame = requestAnimationFrame(tick);
    };
    // Opened without a click (e.g. after a reload), the context stays suspended until the first interaction.
    const resume = () => void context.resume();
    resume();
    document.addEventListener('pointerdown', resume);
    document.addEventListener('keydown', resume);
    frame = requestAnimationFrame(tick);
    return () => {
      document.removeEventListener('pointerdown', resume);
      document.removeEventListener('keydown', resume);
      cancelAnimationFrame(frame);
      source.disconnect();
      void context.close();
    };
  }, [props.stream]);

  return (
    <div className="mic-level">
      <label htmlFor={props.id}>{props.label}</label>
      <meter id={props.id} ref={meter} min={0} max={1} low={0.15} high={0.9} optimum={0.5} value={0} />
    </div>
  );
}
