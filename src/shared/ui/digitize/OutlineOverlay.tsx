// The page's outline drawn over the camera preview. The SVG covers the video element's box and
// its viewBox is the video's own pixel frame, so preserveAspectRatio does what the video's
// object-fit does (contain, cover or fill; centred) and the outline lands on the page whatever the
// displayed size. Decorative: the status text says the same in words.
import type { Quad } from '../../../domain/digitize';
import type { SteadyView } from './steady-outline';

const ASPECT: Record<string, string> = { contain: 'xMidYMid meet', 'scale-down': 'xMidYMid meet', cover: 'xMidYMid slice', fill: 'none' };

export function OutlineOverlay({ outline, frame, fit, view }: { outline?: Quad; frame?: { width: number; height: number }; fit: string; view: SteadyView }) {
  if (!frame) return null;
  return (
    <svg
      className={`outline-overlay outline-${view.kind}`}
      viewBox={`0 0 ${frame.width} ${frame.height}`}
      preserveAspectRatio={ASPECT[fit] ?? ASPECT.contain}
      aria-hidden="true"
      focusable="false"
    >
      {outline && view.kind !== 'searching' && <polygon points={outline.map((p) => `${p.x},${p.y}`).join(' ')} vectorEffect="non-scaling-stroke" />}
    </svg>
  );
}
