// Files are judged by content: a PDF renamed .jpg is a PDF, a text file named .png is refused.
import { describe, expect, it } from 'vitest';
import { checkAttachment, sniffFileKind } from './sniff';

const bytes = (...b: number[]) => new Uint8Array(b);

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
});

describe('checkAttachment', () => {
  it('refuses empty and oversized files before looking at their type', () => {
    expect(checkAttachment(bytes(0xff, 0xd8, 0xff), 0)).toEqual({ ok: false, reason: 'empty' });
    expect(checkAttachment(bytes(0xff, 0xd8, 0xff), 26 * 1024 * 1024)).toEqual({ ok: false, reason: 'size' });
    expect(checkAttachment(bytes(0xff, 0xd8, 0xff), 1000)).toEqual({ ok: true, kind: 'jpeg', mime: 'image/jpeg' });
  });
});
