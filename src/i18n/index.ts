// i18n: Vietnamese first, English on demand; the choice is remembered on the device. The first
// screen carries only the shell's Vietnamese messages: each area's messages load with its page
// (routes.ts waits for them before the page renders), and English loads only when chosen.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { viShell } from './shell.vi';
import type { Messages } from './vi';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'motcua.language';

type Part = Record<string, unknown>;

/**
 * The messages that load on demand, in groups named after the area or shared piece whose screens
 * use them; a page may need several (PersonFields' words are intake's, the page capture's are
 * digitize's). Each group is one top-level key of vi.ts, so its type is checked here and every key
 * stays typed.
 */
export const messageGroups = {
  catalogue: { vi: () => import('./catalogue.vi').then((m) => m.catalogueVi), en: () => import('./catalogue.en').then((m) => m.catalogueEn) },
  intake: { vi: () => import('./intake.vi').then((m) => m.intakeVi), en: () => import('./intake.en').then((m) => m.intakeEn) },
  dossiers: { vi: () => import('./dossiers.vi').then((m) => m.dossiersVi), en: () => import('./dossiers.en').then((m) => m.dossiersEn) },
  reports: { vi: () => import('./reports.vi').then((m) => m.reportsVi), en: () => import('./reports.en').then((m) => m.reportsEn) },
  digitize: { vi: () => import('./digitize.vi').then((m) => m.digitizeVi), en: () => import('./digitize.en').then((m) => m.digitizeEn) },
  scanner: { vi: () => import('./scanner.vi').then((m) => m.scannerVi), en: () => import('./scanner.en').then((m) => m.scannerEn) },
  device: { vi: () => import('./device.vi').then((m) => m.deviceVi), en: () => import('./device.en').then((m) => m.deviceEn) },
  sync: { vi: () => import('./sync.vi').then((m) => m.syncVi), en: () => import('./sync.en').then((m) => m.syncEn) },
  settings: { vi: () => import('./settings.vi').then((m) => m.settingsVi), en: () => import('./settings.en').then((m) => m.settingsEn) },
  signin: { vi: () => import('./signin.vi').then((m) => m.signinVi), en: () => import('./signin.en').then((m) => m.signinEn) },
  team: { vi: () => import('./team.vi').then((m) => m.teamVi), en: () => import('./team.en').then((m) => m.teamEn) },
} satisfies { [G in keyof Messages]?: Record<Language, () => Promise<Messages[G]>> };
export type MessageGroup = keyof typeof messageGroups;

/** The shell's English (with every error code's text); the Vietnamese rides in the first screen. */
export const enShellMessages = async (): Promise<Part> => (await import('./shell.en')).enShell;

function storedLanguage(): Language {
  const value = globalThis.localStorage?.getItem(storageKey);
  return value === 'en' ? 'en' : 'vi';
}

/** The language on screen or being switched to: what a page's messages load in. */
let target: Language = storedLanguage();
/** Groups some page has asked for: a switch of language loads them in the new language first. */
const wanted = new Set<MessageGroup>();
const loads = new Map<string, Promise<void>>();
let markReady: () => void = () => undefined;
/** Messages can be fetched before i18next starts (the first page's, main.tsx), but added only after. */
const ready = new Promise<void>((resolve) => (markReady = resolve));

function load(lng: Language, name: string, messages: () => Promise<Part>): Promise<void> {
  const key = `${lng}:${name}`;
  let loading = loads.get(key);
  if (!loading) {
    loading = Promise.all([messages(), ready]).then(([part]) => void i18next.addResourceBundle(lng, 'translation', part, true, false));
    // A load that failed (a chunk missing offline) is tried again at the next need, not remembered.
    loading.catch(() => loads.delete(key));
    loads.set(key, loading);
  }
  return loading;
}

function loadGroup(lng: Language, name: MessageGroup): Promise<void> {
  return load(lng, name, async () => ({ [name]: await messageGroups[name][lng]() }));
}

function shown(): Language {
  if (!i18next.isInitialized) return target;
  return i18next.language === 'en' ? 'en' : 'vi';
}

/**
 * Loads the groups' messages in Vietnamese and in the language on screen (and in the one being
 * switched to, if a switch is under way), and remembers them so that a later switch loads them in
 * its language too. Vietnamese always: printed papers speak it whatever the screen's language
 * (the procedure's guide, catalogue/PrintView.tsx), and it is the fallback of a missing text.
 */
export async function loadMessages(...names: MessageGroup[]): Promise<void> {
  names.forEach((name) => wanted.add(name));
  const lngs = new Set<Language>(['vi', shown(), target]);
  await Promise.all([...lngs].flatMap((lng) => names.map((name) => loadGroup(lng, name))));
}

export async function initI18n(): Promise<typeof i18next> {
  const lng = target;
  await i18next.use(initReactI18next).init({
    resources: { vi: { translation: viShell } },
    lng: 'vi',
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  markReady();
  if (lng !== 'vi') await setLanguage(lng);
  document.documentElement.lang = lng;
  return i18next;
}

export async function setLanguage(lng: Language): Promise<void> {
  target = lng;
  try {
    // Every page seen so far may show again (or is on screen): its messages switch with the rest.
    await Promise.all([lng === 'en' ? load('en', 'shell', enShellMessages) : undefined, ...[...wanted].map((name) => loadGroup(lng, name))]);
  } catch (error) {
    target = shown();
    throw error;
  }
  localStorage.setItem(storageKey, lng);
  document.documentElement.lang = lng;
  await i18next.changeLanguage(lng);
}

export type { Messages } from './vi';
