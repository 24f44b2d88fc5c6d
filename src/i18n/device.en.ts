// English messages of device enrolment, same keys as Vietnamese (checked by the type).
import type { deviceVi } from './device.vi';

export const deviceEn: typeof deviceVi = {
  title: 'Activate this device',
  intro: 'Each device is activated once with a code from the province administrator, so it can send dossiers to the system.',
  code: 'Device activation code',
  name: 'Device name',
  namePlaceholder: 'e.g. Reception desk computer 1',
  submit: 'Activate',
  submitting: 'Activating…',
  demoHint: 'Demo server: code DEMO',
  enrolled: 'Device "{{name}}" is activated for {{commune}}.',
  enrolledAt: 'Activated at {{time}}, device tag {{short}}.',
  notEnrolled: 'This device is not activated: dossiers are kept on it but not sent to the system yet.',
  done: 'Device activated. Waiting changes will now be sent.',
  reEnrol: 'Activate again',
  cancel: 'Cancel',
  needsSignIn:
    'The server no longer accepts this device’s access token (revoked or expired). Ask for a new activation code and activate again; the data on this device is intact.',
  errors: {
    missing: 'Enter the activation code and a device name.',
    invalidCode: 'The activation code is wrong, already used or expired. Ask the administrator for a new one.',
    offline: 'Cannot reach the server. Check the network, then press Activate again.',
    server: 'The server could not activate the device (error {{status}}). Try again in a few minutes.',
    badAnswer: 'The server’s answer was malformed. Tell the administrator.',
  },
};
