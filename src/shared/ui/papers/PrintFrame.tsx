// The print view's frame around one paper: a toolbar (print, A4/A5) that is never printed, and
// the sheet shown as paper on screen. papers.css hides the rest of the app when printing and
// sets @page size and margins from the paper's size (named pages), so Chromium prints it 1:1.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperSize } from './types';
import './papers.css';

export interface PrintFrameProps {
  /** A paper, or a function drawing the paper at the chosen size. */
  children: ReactNode | ((size: PaperSize) => ReactNode);
  /** Controlled size; without it the frame keeps its own, starting at `defaultSize` (A4). */
  size?: PaperSize;
  defaultSize?: PaperSize;
  onSizeChange?: (size: PaperSize) => void;
  /** Called instead of window.print (tests, or a caller that logs the print first). */
  onPrint?: () => void;
}

const SIZES: readonly PaperSize[] = ['A4', 'A5'];

export function PrintFrame({ children, size, defaultSize = 'A4', onSizeChange, onPrint }: PrintFrameProps) {
  const { t } = useTranslation();
  const [ownSize, setOwnSize] = useState<PaperSize>(defaultSize);
  const current = size ?? ownSize;

  const choose = (next: PaperSize) => {
    setOwnSize(next);
    onSizeChange?.(next);
  };

  return (
    <div className="print-frame" data-size={current}>
      <div className="print-frame__toolbar" role="toolbar" aria-label={t('papers.toolbar')}>
        <button type="button" className="primary" onClick={() => (onPrint ? onPrint() : window.print())}>
          {t('papers.print')}
        </button>
        <div className="print-frame__sizes" role="group" aria-label={t('papers.paperSize')}>
          {SIZES.map((s) => (
            <button key={s} type="button" aria-pressed={current === s} onClick={() => choose(s)}>
              {t(s === 'A4' ? 'papers.sizeA4' : 'papers.sizeA5')}
            </button>
          ))}
        </div>
      </div>
      <div className="print-frame__desk">{typeof children === 'function' ? children(current) : children}</div>
    </div>
  );
}
