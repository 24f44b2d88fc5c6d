// English messages of the ID-card (CCCD) QR scanner.
import type { scannerVi } from './scanner.vi';

export const scannerEn: typeof scannerVi = {
  legend: 'Read the citizen ID card (Căn cước / CCCD)',
  intro: 'Scan the QR code on the front of the card to fill in the citizen’s details.',
  cameraStart: 'Scan the QR code on the ID card',
  cameraStop: 'Stop scanning',
  cameraPreview: 'Camera picture',
  cameraStarting: 'Opening the camera…',
  cameraScanning: 'Looking for the QR code… Hold the front of the card (with the QR code) in the middle of the picture.',
  cameraHint: 'No QR code yet: hold the card 10–15 cm from the camera, in good light, without glare. You can also take a photo or use a hand-held scanner.',
  cameraDenied: 'The app may not use the camera. Allow it in the browser settings, or take a photo / use a hand-held scanner.',
  cameraMissing: 'No camera found on this device. Choose a photo of the card or use a hand-held scanner.',
  cameraBusy: 'Another application is using the camera. Close it and try again.',
  cameraUnsupported: 'This browser does not allow the camera (the app must be opened over https). Choose a photo or use a hand-held scanner.',
  cameraFailed: 'Could not open the camera: {{reason}}',
  photo: 'Take or choose a photo of the card',
  photoReading: 'Looking for the QR code in the photo…',
  photoNoQr: 'No QR code found in the photo. Take it closer, in good light, with the whole QR code sharp in the picture.',
  photoUnreadable: 'This file could not be opened as a picture (damaged or unsupported format). Take the photo again or choose a JPEG or PNG image.',
  decoderUnavailable: 'The QR reader has not been downloaded yet. Connect to the network once so the app can finish downloading, or use a hand-held scanner.',
  decoderFailed: 'The QR reader failed; please try again. ({{reason}})',
  wedge: 'QR code content (hand-held scanner)',
  wedgeHint: 'Click this box, then scan the card with the USB scanner: it types the content and presses Enter.',
  wedgeRead: 'Read content',
  success: 'Read the card of {{name}} (ID number {{idNumber}}).',
  invalidTitle: 'A QR code was read but cannot be used:',
};
