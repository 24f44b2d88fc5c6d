// The villager's tracking slip (issue 15): the lookup code large, the status page's QR, a narrow
// printed slip (58/80 mm) and an SMS text to copy. Nothing here needs the network.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { statusPageUrl } from '../../domain/dossier';
import { getDb, getDossier } from '../../db';
import { PageHeader } from '../../shared';
import { QrImage } from '../../shared/ui/papers/QrImage';
import { slipSms } from './slip-text';
import './team.css';

export function TrackingSlip({ id }: { id: string }) {
  const { t } = useTranslation();
  const row = useLiveQuery(async () => (await getDossier(getDb(), id)) ?? null, [id]);
  const [width, setWidth] = useState<58 | 80>(58);
  const [copied, setCopied] = useState<'' | 'ok' | 'failed'>('');
  if (row === undefined) return <p role="status">…</p>;
  if (row === null || !row.lookupCode) return <PageHeader title={t('team.slip.title')} intro={t('team.slip.missing')} />;
  const lookupCode = row.lookupCode;
  const url = statusPageUrl(location.origin, lookupCode);
  const sms = slipSms(row.procedureName, lookupCode, url);

  async function copy() {
    try {
      await navigator.clipboard.writeText(sms);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <>
      <PageHeader title={t('team.slip.title')} intro={t('team.slip.intro')} />
      <div className={`team-slip slip-${width}`}>
        {/* The slip is printed for the villager: Vietnamese whatever the screen's language. */}
        <p className="team-slip__procedure">{row.procedureName}</p>
        <p className="team-slip__who">{row.applicantName}</p>
        <p className="team-slip__label">Mã tra cứu</p>
        <p className="team-slip__code" aria-label={t('team.slip.codeLabel')}>
          {lookupCode}
        </p>
        <QrImage text={url} label={t('team.slip.qrLabel')} className="team-slip__qr" />
        <p className="team-slip__url">{url}</p>
        <p className="team-slip__note">Quét mã QR hoặc mở địa chỉ trên, nhập mã tra cứu và 4 số cuối CCCD để xem tình trạng hồ sơ.</p>
      </div>
      <div className="actions team-actions no-print">
        <div role="group" aria-label={t('team.slip.width')}>
          {([58, 80] as const).map((w) => (
            <button key={w} type="button" aria-pressed={width === w} onClick={() => setWidth(w)}>
              {w} mm
            </button>
          ))}
        </div>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('team.slip.print')}
        </button>
        <button type="button" onClick={() => void copy()}>
          {t('team.slip.copySms')}
        </button>
      </div>
      {copied && (
        <p role="status" className="no-print">
          {copied === 'ok' ? t('team.slip.copied') : t('team.slip.copyFailed')}
        </p>
      )}
      <details className="no-print">
        <summary>{t('team.slip.smsText')}</summary>
        <p className="team-sms">{sms}</p>
      </details>
      <p className="no-print">
        <Link href="~/ho-so-da-nop">{t('team.slip.toList')}</Link> · <Link href="/">{t('team.slip.another')}</Link>
      </p>
    </>
  );
}
