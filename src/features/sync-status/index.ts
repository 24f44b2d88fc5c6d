// The sync-status feature's public face: the Đồng bộ page.
export { SyncPage } from './SyncPage';
