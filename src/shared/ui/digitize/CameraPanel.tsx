// Live preview from the rear camera and a full-resolution still: ImageCapture.takePhoto() where the
// browser has it, else the largest video frame. Each still goes to onPhoto; the camera is released
// when the panel closes or unmounts.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type ImageCaptureLike = { takePhoto(): Promise<Blob> };
declare const ImageCapture: { new (track: MediaStreamTrack): ImageCaptureLike } | undefined;

type State = { phase: 'starting' } | { phase: 'live' } | { phase: 'failed'; key: 'denied' | 'missing' | 'busy' | 'failed'; reason: string };

function failureKey(error: unknown): 'denied' | 'missing' | 'busy' | 'failed' {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'missing';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'failed';
}

async function grabFrame(video: HTMLVideoElement): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')!.drawImage(video, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/jpeg', 0.92));
}

export function CameraPanel({ onPhoto, onClose }: { onPhoto(photo: File): void; onClose(): void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [state, setState] = useState<State>({ phase: 'starting' });
  const [shooting, setShooting] = useState(false);

  useEffect(() => {
    let cancelled = false;
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: { ideal: 'environment' }, width: { ideal: 4096 }, height: { ideal: 3072 } }, audio: false })
      .then((s) => {
        if (cancelled) return s.getTracks().forEach((track) => track.stop());
        stream.current = s;
        if (video.current) video.current.srcObject = s;
        setState({ phase: 'live' });
      })
      .catch((error: unknown) => !cancelled && setState({ phase: 'failed', key: failureKey(error), reason: String(error) }));
    if (!navigator.mediaDevices) setState({ phase: 'failed', key: 'failed', reason: 'getUserMedia' });
    return () => {
      cancelled = true;
      stream.current?.getTracks().forEach((track) => track.stop());
      stream.current = null;
    };
  }, []);

  const shoot = async () => {
    const track = stream.current?.getVideoTracks()[0];
    if (!track || !video.current) return;
    setShooting(true);
    try {
      let blob: Blob;
      try {
        blob = typeof ImageCapture === 'function' ? await new ImageCapture(track).takePhoto() : await grabFrame(video.current);
      } catch {
        blob = await grabFrame(video.current); // takePhoto can fail on some drivers: the frame still works
      }
      onPhoto(new File([blob], `anh-${new Date().toISOString().replace(/[:.]/g, '-')}.jpg`, { type: blob.type || 'image/jpeg' }));
    } finally {
      setShooting(false);
    }
  };

  return (
    <section className="camera-panel" aria-labelledby="camera-title">
      <h3 id="camera-title">{t('digitize.cameraDialog.title')}</h3>
      <p>{t('digitize.cameraDialog.hint')}</p>
      <video ref={video} autoPlay playsInline muted aria-label={t('digitize.cameraDialog.preview')} />
      {state.phase === 'starting' && <p role="status">{t('digitize.cameraDialog.starting')}</p>}
      {state.phase === 'failed' && (
        <p role="alert" className="warning">
          {t(`digitize.cameraDialog.${state.key}`, { reason: state.reason })}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void shoot()} disabled={state.phase !== 'live' || shooting}>
          {t('digitize.cameraDialog.shoot')}
        </button>
        <button type="button" onClick={onClose}>
          {t('digitize.cameraDialog.close')}
        </button>
      </div>
    </section>
  );
}
