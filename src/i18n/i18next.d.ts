// Typed i18n keys: every t('…') is checked against the Vietnamese messages (English has the same
// shape, see en.ts), so a mistyped or removed key fails the type check instead of showing the key.
import 'i18next';
import type { vi } from './vi';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}
