// English messages of a community team's tablet (issue 15), same keys as team.vi.ts.
import type { teamVi } from './team.vi';

export const teamEn: typeof teamVi = {
  home: {
    title: 'File a dossier',
    intro:
      'File an online dossier for a villager: choose the procedure, read the ID card, photograph the papers. It is kept on the tablet and sent when there is signal.',
    chooseProcedure: 'Procedure the villager needs',
    choosePlaceholder: '— Choose a procedure —',
    start: 'Start filing',
    noCatalogue: 'No procedure catalogue on this tablet yet: connect once.',
    drafts: 'Filings left open',
    noDrafts: 'No filing left open.',
    unnamed: '(applicant not named yet)',
    discard: 'Discard',
    discardConfirm: 'Discard this filing? Its photographed papers are deleted too.',
  },
  slip: {
    title: 'Tracking slip',
    intro: 'Give the villager the slip: its lookup code and QR open the dossier status page.',
    missing: 'This dossier is not on the tablet.',
    codeLabel: 'Lookup code',
    qrLabel: 'QR code of the status page',
    width: 'Paper width',
    print: 'Print slip',
    copySms: 'Copy SMS text',
    copied: 'SMS text copied: paste it into the messaging app to send it to the villager.',
    copyFailed: 'Could not copy: select and copy the text below.',
    smsText: 'SMS text',
    toList: 'Submitted dossiers',
    another: 'File another',
  },
  list: {
    title: 'Submitted dossiers',
    intro: "This tablet's submissions and the latest word from the commune desk.",
    none: 'This tablet has not filed any dossier yet.',
    filedAt: 'Filed {{time}} · lookup code {{code}}',
    slip: 'View slip',
  },
  state: {
    waiting: 'Waiting to send',
    sent: 'Sent',
    quarantined: 'Not accepted by the server: see Sync',
    received: 'Received – dossier code {{code}}',
    supplement: 'Papers needed: {{what}}',
    refused: 'Refused: {{why}}',
  },
};
