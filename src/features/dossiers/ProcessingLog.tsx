// Nhật ký xử lý: every move of the dossier — who (NguoiXuLy), in what role (ChucDanh), when, what —
// including moves made elsewhere and brought in by sync.
import { useTranslation } from 'react-i18next';
import { isActorRole, isDossierAction } from '../../domain/dossier';
import { displayDateTime } from '../../domain/calendar';
import type { LogLine } from './log-lines';

export function ProcessingLog({ entries }: { entries: LogLine[] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="log-title">
      <h2 id="log-title">{t('dossiers.log.title')}</h2>
      {entries.length === 0 ? (
        <p>{t('dossiers.log.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="log-table">
            <thead>
              <tr>
                <th scope="col">{t('dossiers.log.at')}</th>
                <th scope="col">{t('dossiers.log.who')}</th>
                <th scope="col">{t('dossiers.log.role')}</th>
                <th scope="col">{t('dossiers.log.what')}</th>
                <th scope="col">{t('dossiers.log.status')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={`${e.at}-${i}`}>
                  <td>{displayDateTime(e.at)}</td>
                  <td>{e.who}</td>
                  <td>{isActorRole(e.role) ? t(`dossiers.roles.${e.role}`) : e.role}</td>
                  <td>
                    {isDossierAction(e.action) ? t(`dossiers.actions.${e.action}`) : e.action}
                    {e.note && <span className="muted"> — {e.note}</span>}
                  </td>
                  <td>{t(`dossiers.status.${e.toStatus}` as 'dossiers.status.1', { defaultValue: String(e.toStatus) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
