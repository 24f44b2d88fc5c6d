// The browser's install offer (beforeinstallprompt), kept so a button can show it when asked.
import { create } from 'zustand';

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

interface InstallStore {
  offer: BeforeInstallPromptEvent | undefined;
  installed: boolean;
}

export const useInstall = create<InstallStore>(() => ({
  offer: undefined,
  installed: window.matchMedia?.('(display-mode: standalone)').matches ?? false,
}));

export function listenForInstallOffer(): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault(); // show our own button instead of the browser's mini-infobar
    useInstall.setState({ offer: event as BeforeInstallPromptEvent });
  });
  window.addEventListener('appinstalled', () => useInstall.setState({ offer: undefined, installed: true }));
}

export async function promptInstall(): Promise<void> {
  const offer = useInstall.getState().offer;
  if (!offer) return;
  await offer.prompt();
  const { outcome } = await offer.userChoice;
  useInstall.setState({ offer: undefined, installed: outcome === 'accepted' });
}
