// One processed page under review: the photo with its corners (draggable), the page as it will be
// kept, the quality warnings with their reasons, the mode (text or colour), a quarter turn for a
// page that came out sideways or upside down, and the decisions: process again, use the page
// (anyway), or discard it and shoot again.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageMode, Quad } from '../../../domain/digitize';
import { sameQuad } from './corner-geometry';
import { CornerEditor } from './CornerEditor';
import type { DigitizedPage } from './digitizer';
import { issueMessages } from './messages';
import { useObjectUrl } from './use-object-url';

export interface ReviewItem {
  name: string;
  photoUrl: string;
  result: DigitizedPage;
}

/** Quarter turns clockwise from the photo to the kept page. */
export type Turns = 0 | 1 | 2 | 3;

export interface PageReviewProps {
  item: ReviewItem;
  busy: boolean;
  onReprocess(corners: Quad, mode: PageMode, turns: Turns): void;
  onAccept(): void;
  onDiscard(): void;
}

export function PageReview({ item, busy, onReprocess, onAccept, onDiscard }: PageReviewProps) {
  const { t } = useTranslation();
  const { result } = item;
  const [corners, setCorners] = useState<Quad>(result.corners);
  const [mode, setMode] = useState<PageMode>(result.mode);
  const [turns, setTurns] = useState<Turns>(result.turns);
  // A new result (after processing again) resets the edits to what the worker used.
  const [shown, setShown] = useState(result);
  if (shown !== result) {
    setShown(result);
    setCorners(result.corners);
    setMode(result.mode);
    setTurns(result.turns);
  }
  const pageUrl = useObjectUrl(result.thumbnail);
  const titleId = useId();
  const modeName = useId();
  const changed = !sameQuad(corners, result.corners) || mode !== result.mode || turns !== result.turns;
  const extraTurns = (turns - result.turns + 4) % 4;
  const issues = issueMessages(result);

  return (
    <section className="page-review card" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('digitize.review.title', { name: item.name })}</h3>
      {issues.length > 0 ? (
        <div role="alert" className="warning">
          <p>{t('digitize.review.needsAttention')}</p>
          <ul>
            {issues.map((m) => (
              <li key={m.key}>{t(m.key, m.params)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p role="status">{t('digitize.review.ok')}</p>
      )}
      <div className="review-grid">
        <CornerEditor photoUrl={item.photoUrl} width={result.photoWidth} height={result.photoHeight} corners={corners} onChange={setCorners} />
        <figure className="review-result">
          {pageUrl && <img src={pageUrl} alt={t('digitize.review.result')} />}
          <figcaption>{t('digitize.review.result')}</figcaption>
          <button type="button" onClick={() => setTurns(((turns + 1) % 4) as Turns)} disabled={busy}>
            {t('digitize.review.rotate')}
          </button>
          {extraTurns > 0 && <p role="status">{t('digitize.review.rotatePending', { degrees: extraTurns * 90 })}</p>}
        </figure>
      </div>
      <fieldset className="mode-choice">
        <legend>{t('digitize.review.mode')}</legend>
        {result.suggestedMode === 'colour' && <p>{t('digitize.review.sealSeen')}</p>}
        {(['text', 'colour'] as const).map((m) => (
          <label key={m} className="checkbox">
            <input type="radio" name={modeName} value={m} checked={mode === m} onChange={() => setMode(m)} />
            {t(m === 'text' ? 'digitize.review.modeText' : 'digitize.review.modeColour')}
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="button" onClick={() => onReprocess(corners, mode, turns)} disabled={!changed || busy}>
          {t('digitize.review.apply')}
        </button>
        <button type="button" className="primary" onClick={onAccept} disabled={changed || busy}>
          {issues.length > 0 ? t('digitize.review.accept') : t('digitize.review.done')}
        </button>
        <button type="button" onClick={onDiscard} disabled={busy}>
          {t('digitize.review.retake')}
        </button>
      </div>
    </section>
  );
}
