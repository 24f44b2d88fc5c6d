// i18n: Vietnamese first, English on demand; the choice is remembered on the device. English is
// loaded only when chosen, so the first screen does not carry a second language.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { vi } from './vi';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'motcua.language';

function storedLanguage(): Language {
  const value = globalThis.localStorage?.getItem(storageKey);
  return value === 'en' ? 'en' : 'vi';
}

async function loadLanguage(lng: Language): Promise<void> {
  if (lng === 'vi' || i18next.hasResourceBundle(lng, 'translation')) return;
  const { en } = await import('./en');
  i18next.addResourceBundle('en', 'translation', en, true, true);
}

export async function initI18n(): Promise<typeof i18next> {
  const lng = storedLanguage();
  await i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi } },
    lng: 'vi',
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  if (lng !== 'vi') await setLanguage(lng);
  document.documentElement.lang = lng;
  return i18next;
}

export async function setLanguage(lng: Language): Promise<void> {
  await loadLanguage(lng);
  localStorage.setItem(storageKey, lng);
  document.documentElement.lang = lng;
  await i18next.changeLanguage(lng);
}

export { vi };
export type { Messages } from './vi';
