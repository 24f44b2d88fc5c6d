import { describe, expect, it } from 'vitest';
import { decodeError, qrReaderOptions, toDecodeResult } from './qr-read';

describe('toDecodeResult', () => {
  it('reports no QR code when zxing found nothing valid', () => {
    expect(toDecodeResult([])).toEqual({ status: 'none' });
    expect(toDecodeResult([{ isValid: false, text: '' }])).toEqual({ status: 'none' });
  });

  it('keeps valid texts in order, once each', () => {
    const result = toDecodeResult([
      { isValid: true, text: 'A' },
      { isValid: false, text: 'broken' },
      { isValid: true, text: 'B' },
      { isValid: true, text: 'A' },
    ]);
    expect(result).toEqual({ status: 'found', text: 'A', texts: ['A', 'B'] });
  });
});

describe('decodeError', () => {
  it('carries a stable code and the reason', () => {
    expect(decodeError('image-unreadable', new Error('InvalidStateError: bad image'))).toEqual({
      status: 'error',
      code: 'image-unreadable',
      detail: 'InvalidStateError: bad image',
    });
    expect(decodeError('decoder-failed', 'oops')).toMatchObject({ detail: 'oops' });
  });
});

describe('qrReaderOptions', () => {
  it('reads only QR codes, as UTF-8 when the code does not say', () => {
    expect(qrReaderOptions.formats).toEqual(['QRCode']);
    expect(qrReaderOptions.characterSet).toBe('UTF8');
  });
});
