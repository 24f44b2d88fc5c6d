// A device self-check an officer (or the province's IT) can run: the database writes and reads
// back, and a background worker answers with the right SHA-256.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb, readSetting, writeSetting } from '../../db';
import { sha256Hex } from '../../../workers/digest.client';

type Result = { state: 'idle' | 'running' } | { state: 'ok' } | { state: 'failed'; reason: string };

// SHA-256 of the ASCII text "motcua", computed independently (sha256sum).
const expectedDigest = '48f13a151c593406578f8c5d1a27c21736caaba622f7fb1cd3c8b831b6b64580';

async function checkDatabase(): Promise<void> {
  const token = crypto.randomUUID();
  await writeSetting(getDb(), 'selfCheck', token);
  if ((await readSetting(getDb(), 'selfCheck', '')) !== token) throw new Error('read-back mismatch');
}

async function checkWorker(): Promise<void> {
  const digest = await sha256Hex('motcua');
  if (digest !== expectedDigest) throw new Error(`digest ${digest.slice(0, 12)}…`);
}

function useCheck(run: () => Promise<void>) {
  const [result, setResult] = useState<Result>({ state: 'idle' });
  const start = async () => {
    setResult({ state: 'running' });
    try {
      await run();
      setResult({ state: 'ok' });
    } catch (error) {
      setResult({ state: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };
  return [result, start] as const;
}

export function SelfCheck() {
  const { t } = useTranslation();
  const [db, runDb] = useCheck(checkDatabase);
  const [worker, runWorker] = useCheck(checkWorker);
  const describe = (r: Result) =>
    r.state === 'ok'
      ? t('settings.selfCheck.ok')
      : r.state === 'failed'
        ? t('settings.selfCheck.failed', { reason: r.reason })
        : r.state === 'running'
          ? t('settings.selfCheck.running')
          : '—';
  return (
    <section className="card" aria-labelledby="selfcheck-title">
      <h2 id="selfcheck-title">{t('settings.selfCheck.title')}</h2>
      <dl className="figures">
        <div>
          <dt>{t('settings.selfCheck.database')}</dt>
          <dd>
            <span role="status">{describe(db)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('settings.selfCheck.worker')}</dt>
          <dd>
            <span role="status">{describe(worker)}</span>
          </dd>
        </div>
      </dl>
      <button type="button" onClick={() => void Promise.all([runDb(), runWorker()])}>
        {t('settings.selfCheck.run')}
      </button>
    </section>
  );
}
