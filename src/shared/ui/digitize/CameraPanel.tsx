// Live preview from the rear camera and a full-resolution still: ImageCapture.takePhoto() where the
// browser has it, else the largest video frame. Each still goes to onPhoto; the camera is released
// when the panel closes or unmounts. With an outliner, the page's outline is drawn over the preview
// and, if "Tự chụp" is on, the page is shot by itself once it has held still; the shutter always works.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OutlineOverlay } from './OutlineOverlay';
import { useLiveOutline, type Outliner } from './use-live-outline';

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

/** Where the "Tự chụp" choice is remembered on this device. */
const AUTO_KEY = 'motcua.camera.autoShoot';

function rememberedAuto(): boolean {
  try {
    return globalThis.localStorage?.getItem(AUTO_KEY) !== 'off';
  } catch {
    return true; // storage blocked: the default
  }
}

function rememberAuto(on: boolean) {
  try {
    localStorage.setItem(AUTO_KEY, on ? 'on' : 'off');
  } catch {
    // storage blocked or full: the choice holds until the panel closes
  }
}

export function CameraPanel({ onPhoto, onClose, outliner }: { onPhoto(photo: File): void; onClose(): void; outliner?: Outliner }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [state, setState] = useState<State>({ phase: 'starting' });
  const [shooting, setShooting] = useState(false);
  const shootingNow = useRef(false);
  const [auto, setAuto] = useState(rememberedAuto);
  const [fit, setFit] = useState('contain');

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

  const shoot = useCallback(async () => {
    const track = stream.current?.getVideoTracks()[0];
    if (!track || !video.current || shootingNow.current) return;
    shootingNow.current = true;
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
      shootingNow.current = false;
      setShooting(false);
    }
  }, [onPhoto]);

  const live = useLiveOutline(video, state.phase === 'live', outliner, auto, () => void shoot());
  const shootByHand = () => {
    live.noteShot();
    void shoot();
  };
  const holding = live.view.kind === 'holding' ? live.view : undefined;

  return (
    <section className="camera-panel" aria-labelledby="camera-title">
      <h3 id="camera-title">{t('digitize.cameraDialog.title')}</h3>
      <p>{t('digitize.cameraDialog.hint')}</p>
      <div className="camera-view">
        <video
          ref={video}
          autoPlay
          playsInline
          muted
          aria-label={t('digitize.cameraDialog.preview')}
          onLoadedMetadata={(event) => setFit(getComputedStyle(event.currentTarget).objectFit || 'contain')}
        />
        {outliner && state.phase === 'live' && <OutlineOverlay outline={live.outline} frame={live.frame} fit={fit} view={live.view} />}
      </div>
      {state.phase === 'starting' && <p role="status">{t('digitize.cameraDialog.starting')}</p>}
      {outliner && state.phase === 'live' && (
        <div className="camera-outline">
          {/* Only the words change with the state, not with each frame: a screen reader hears each change once. */}
          <p role="status" aria-live="polite">
            {t(`digitize.cameraOutline.${live.view.kind === 'holding' && !auto ? 'holdingManual' : live.view.kind}`)}
          </p>
          {/* Kept in the layout (hidden) while nothing is held, so the buttons below never jump under a finger. */}
          {auto && (
            <progress max={1} value={holding?.progress ?? 0} aria-label={t('digitize.cameraOutline.countdown')} className={holding ? undefined : 'idle'} />
          )}
        </div>
      )}
      {state.phase === 'failed' && (
        <p role="alert" className="warning">
          {t(`digitize.cameraDialog.${state.key}`, { reason: state.reason })}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="primary" onClick={shootByHand} disabled={state.phase !== 'live' || shooting}>
          {t('digitize.cameraDialog.shoot')}
        </button>
        {outliner && (
          <label className="camera-auto">
            <input
              type="checkbox"
              role="switch"
              checked={auto}
              onChange={(event) => {
                setAuto(event.target.checked);
                rememberAuto(event.target.checked);
              }}
            />
            {t('digitize.cameraOutline.auto')}
          </label>
        )}
        <button type="button" onClick={onClose}>
          {t('digitize.cameraDialog.close')}
        </button>
      </div>
    </section>
  );
}
