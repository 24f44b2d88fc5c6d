// Reads the QR code of a citizen ID card (CCCD / Căn cước) three ways: the live camera, a photo or
// image file, or a USB keyboard-wedge scanner typing into a box. A card that parses is handed to
// `onResult`; anything else is explained in Vietnamese and fills nothing.
import { useCallback, useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CccdQrData } from '../../../domain/citizen';
import type { QrDecoder, QrDecodeResult } from './qr-decoder';
import { readCardTexts } from './read-card';
import { useCameraScan } from './use-camera-scan';

export interface CccdScannerProps {
  /** The QR decoder: pass `qrDecoder` from workers/qr.client. */
  decoder: QrDecoder;
  /** Called once per card read, with the parsed data (NFC-normalised, dates ISO). */
  onResult: (data: CccdQrData) => void;
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'reading' }
  | { kind: 'read'; name: string; idNumber: string }
  | { kind: 'invalid'; messages: string[] }
  | { kind: 'problem'; key: 'photoNoQr' | 'photoUnreadable' | 'decoderUnavailable' | 'decoderFailed'; reason?: string };

const problemOf = (result: Exclude<QrDecodeResult, { status: 'found' }>): Outcome =>
  result.status === 'none'
    ? { kind: 'problem', key: 'photoNoQr' }
    : {
        kind: 'problem',
        key: ({ 'image-unreadable': 'photoUnreadable', 'decoder-unavailable': 'decoderUnavailable', 'decoder-failed': 'decoderFailed' } as const)[result.code],
        reason: result.detail,
      };

export function CccdScanner({ decoder, onResult }: CccdScannerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [typed, setTyped] = useState('');
  const wedgeInput = useRef<HTMLInputElement>(null);
  const shownInvalid = useRef('');

  /** Parses decoded texts; true when a card was read. The same wrong code is reported once. */
  const accept = useCallback(
    (texts: string[]): boolean => {
      const read = readCardTexts(texts);
      if (read.ok) {
        shownInvalid.current = '';
        setTyped(''); // a stale line in the scanner box would only confuse the next reading
        setOutcome({ kind: 'read', name: read.value.fullName, idNumber: read.value.idNumber });
        onResult(read.value);
        return true;
      }
      const messages = read.errors.map((e) => e.message);
      const key = messages.join('\n');
      if (key !== shownInvalid.current) {
        shownInvalid.current = key;
        setOutcome({ kind: 'invalid', messages });
      }
      return false;
    },
    [onResult],
  );

  const camera = useCameraScan(decoder, accept);
  const cameraOn = camera.state.phase === 'starting' || camera.state.phase === 'scanning';

  function startCamera() {
    shownInvalid.current = '';
    setOutcome({ kind: 'none' });
    void camera.start();
  }

  async function readPhoto(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = ''; // choosing the same photo again must trigger a new read
    if (!file) return;
    camera.stop();
    shownInvalid.current = '';
    setOutcome({ kind: 'reading' });
    try {
      const result = await decoder.fromBlob(file);
      if (result.status !== 'found') setOutcome(problemOf(result));
      else accept(result.texts);
    } catch (error) {
      setOutcome({ kind: 'problem', key: 'decoderFailed', reason: String(error) });
    }
  }

  function readTyped() {
    shownInvalid.current = '';
    if (camera.state.phase === 'failed') camera.stop(); // clears the camera's old complaint
    // On success `accept` empties the box: the QR text is personal data and now lives in the form.
    if (accept([typed])) camera.stop();
    else wedgeInput.current?.select(); // the next scan replaces the bad text
  }

  function onWedgeKey(event: KeyboardEvent<HTMLInputElement>) {
    // Scanners end the line with Enter; inside a larger form it must not submit that form.
    if (event.key === 'Enter') {
      event.preventDefault();
      readTyped();
    }
  }

  const status =
    camera.state.phase === 'starting'
      ? t('scanner.cameraStarting')
      : camera.state.phase === 'scanning'
        ? camera.state.slow
          ? t('scanner.cameraHint')
          : t('scanner.cameraScanning')
        : outcome.kind === 'reading'
          ? t('scanner.photoReading')
          : outcome.kind === 'read'
            ? t('scanner.success', { name: outcome.name, idNumber: outcome.idNumber })
            : '';

  return (
    <fieldset className="cccd-scanner">
      <legend>{t('scanner.legend')}</legend>
      <p className="cccd-scanner-intro">{t('scanner.intro')}</p>
      <div className="cccd-scanner-ways">
        {cameraOn ? (
          <button type="button" onClick={camera.stop}>
            {t('scanner.cameraStop')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={startCamera}>
            {t('scanner.cameraStart')}
          </button>
        )}
        <label className="cccd-scanner-photo">
          <span>{t('scanner.photo')}</span>
          <input type="file" accept="image/*" capture="environment" onChange={(e) => void readPhoto(e)} />
        </label>
      </div>
      <video ref={camera.videoRef} className="cccd-scanner-video" aria-label={t('scanner.cameraPreview')} muted playsInline hidden={!cameraOn} />
      <div className="cccd-scanner-wedge">
        <label htmlFor={`${id}-wedge`}>{t('scanner.wedge')}</label>
        <div className="cccd-scanner-wedge-row">
          <input
            id={`${id}-wedge`}
            ref={wedgeInput}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={onWedgeKey}
            aria-describedby={`${id}-wedge-hint`}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
          />
          <button type="button" onClick={readTyped} disabled={typed.trim() === ''}>
            {t('scanner.wedgeRead')}
          </button>
        </div>
        <p id={`${id}-wedge-hint`} className="cccd-scanner-hint">
          {t('scanner.wedgeHint')}
        </p>
      </div>
      <p role="status" className="cccd-scanner-status">
        {status}
      </p>
      <div role="alert" className="cccd-scanner-problem">
        {camera.state.phase === 'failed' ? (
          <p>{t(`scanner.${camera.state.key}`, { reason: camera.state.reason })}</p>
        ) : outcome.kind === 'invalid' ? (
          <>
            <p>{t('scanner.invalidTitle')}</p>
            <ul>
              {outcome.messages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </>
        ) : outcome.kind === 'problem' ? (
          <p>{t(`scanner.${outcome.key}`, { reason: outcome.reason ?? '' })}</p>
        ) : null}
      </div>
    </fieldset>
  );
}
