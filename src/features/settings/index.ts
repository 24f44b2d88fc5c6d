// The settings feature's public face: the Cài đặt page.
export { SettingsPage } from './SettingsPage';
