// The photo with the page's four corners drawn on it; the officer drags a corner (mouse, touch,
// pen) or selects it and moves it with the arrow keys. Corners are in photo pixels.
import { useId, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quad } from '../../../domain/digitize';
import { keyStep, moveCorner, toPhoto } from './corner-geometry';

const cornerKeys = ['tl', 'tr', 'br', 'bl'] as const;

export interface CornerEditorProps {
  photoUrl: string;
  width: number;
  height: number;
  corners: Quad;
  onChange(corners: Quad): void;
}

export function CornerEditor({ photoUrl, width, height, corners, onChange }: CornerEditorProps) {
  const { t } = useTranslation();
  const frame = useRef<HTMLDivElement>(null);
  const dragging = useRef<number | null>(null);
  const helpId = useId();

  const pointAt = (event: PointerEvent) => {
    const box = frame.current!.getBoundingClientRect();
    return toPhoto(event.clientX, event.clientY, box, width, height);
  };
  const onPointerDown = (index: number) => (event: PointerEvent<HTMLButtonElement>) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    dragging.current = index;
  };
  const onPointerMove = (index: number) => (event: PointerEvent<HTMLButtonElement>) => {
    if (dragging.current !== index) return;
    onChange(moveCorner(corners, index, pointAt(event), width, height));
  };
  const onPointerUp = (event: PointerEvent<HTMLButtonElement>) => {
    dragging.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  };
  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = keyStep(event.key, event.shiftKey, width, height);
    if (!step) return;
    event.preventDefault();
    const p = corners[index]!;
    onChange(moveCorner(corners, index, { x: p.x + step.x, y: p.y + step.y }, width, height));
  };

  const polygon = corners.map((p) => `${p.x},${p.y}`).join(' ');
  return (
    <figure className="corner-editor">
      <div className="corner-frame" ref={frame} style={{ aspectRatio: `${width} / ${height}` }}>
        <img src={photoUrl} alt={t('digitize.review.photo')} decoding="async" draggable={false} />
        <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true">
          <polygon points={polygon} vectorEffect="non-scaling-stroke" />
        </svg>
        {corners.map((p, i) => (
          <button
            key={cornerKeys[i]}
            type="button"
            className="corner-handle"
            style={{ left: `${(p.x / width) * 100}%`, top: `${(p.y / height) * 100}%` }}
            aria-label={t(`digitize.review.corner.${cornerKeys[i]!}`)}
            aria-describedby={helpId}
            data-x={Math.round(p.x)}
            data-y={Math.round(p.y)}
            onPointerDown={onPointerDown(i)}
            onPointerMove={onPointerMove(i)}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onKeyDown={onKeyDown(i)}
          />
        ))}
      </div>
      <figcaption id={helpId}>{t('digitize.review.corner.help')}</figcaption>
    </figure>
  );
}
