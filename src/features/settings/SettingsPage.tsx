// Cài đặt: desk details, the idle lock, the procedure catalogue, storage, backup to a file, self-check and installing the app.
import { useTranslation } from 'react-i18next';
import { CatalogueStatus, PageHeader } from '../../shared';
import { updateCatalogue } from '../../sync';
import { catalogueTools } from '../../../workers/catalogue.client';
import { BackupPanel } from './BackupPanel';
import { DeskProfileForm } from './DeskProfileForm';
import { InstallHelp } from './InstallHelp';
import { LockSettings } from './LockSettings';
import { ReminderForm } from './ReminderForm';
import { SelfCheck } from './SelfCheck';
import { StoragePanel } from './StoragePanel';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('settings.page.title')} intro={t('settings.page.intro')} />
      <div className="card-grid">
        <DeskProfileForm />
        <LockSettings />
        <CatalogueStatus onUpdate={() => updateCatalogue(catalogueTools)} />
        <StoragePanel />
        <BackupPanel />
        <ReminderForm />
        <SelfCheck />
        <InstallHelp />
      </div>
    </>
  );
}
