// Files are judged by content: a PDF renamed .jpg is a PDF, a text file named .png is refused.
import { describe, expect, it } from 'vitest';
import { checkAttachment, sniffFileKind, sniffKind } from './sniff';

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('sniffKind', () => {
  it.each([
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe1)],
    ['png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)],
    ['pdf', ascii('%PDF-1.7\n%âãÏÓ')],
    ['pdf', ascii('\r\n  junk before %PDF-1.4')],
    ['webp', ascii('RIFF\0\0\0\0WEBPVP8 ')],
    ['heic', ascii('\0\0\0\x18ftypheic\0\0\0\0')],
    ['gif', ascii('GIF89a')],
    ['tiff', bytes(0x49, 0x49, 42, 0)],
    ['bmp', ascii('BM6\0\0\0')],
  ])('recognises %s', (kind, head) => {
    expect(sniffKind(head)).toBe(kind);
  });

  it('does not trust a name: text renamed to .jpg is unknown', () => {
    expect(sniffKind(ascii('Hello, this is not a photo'))).toBeUndefined();
  });

  it('finds a PDF header only within the first 1024 bytes, as PDF readers do', () => {
    expect(sniffKind(ascii(' '.repeat(1000) + '%PDF-1.4'))).toBe('pdf');
    expect(sniffKind(ascii(' '.repeat(1030) + '%PDF-1.4'))).toBeUndefined();
  });
});

describe('sniffFileKind', () => {
  it('knows JPEG, PNG and PDF by their first bytes', () => {
    expect(sniffFileKind(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(sniffFileKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('png');
    expect(sniffFileKind(new TextEncoder().encode('%PDF-1.7\n'))).toBe('pdf');
  });
  it('refuses anything else, including truncated signatures', () => {
    expect(sniffFileKind(new TextEncoder().encode('<html>'))).toBeUndefined();
    expect(sniffFileKind(bytes(0x89, 0x50, 0x4e))).toBeUndefined();
    expect(sniffFileKind(bytes())).toBeUndefined();
  });
  it('names images the desk does not keep as no kind of its own', () => {
    expect(sniffFileKind(ascii('GIF89a'))).toBeUndefined();
    expect(sniffFileKind(ascii('RIFF\0\0\0\0WEBPVP8 '))).toBeUndefined();
  });
});

describe('checkAttachment', () => {
  it('refuses empty and oversized files before looking at their type', () => {
    expect(checkAttachment(bytes(0xff, 0xd8, 0xff), 0)).toEqual({ ok: false, reason: 'empty' });
    expect(checkAttachment(bytes(0xff, 0xd8, 0xff), 26 * 1024 * 1024)).toEqual({ ok: false, reason: 'size' });
    expect(checkAttachment(bytes(0xff, 0xd8, 0xff), 1000)).toEqual({ ok: true, kind: 'jpeg', mime: 'image/jpeg' });
    expect(checkAttachment(ascii('\n%PDF-1.4'), 1000)).toEqual({ ok: true, kind: 'pdf', mime: 'application/pdf' });
  });
});
