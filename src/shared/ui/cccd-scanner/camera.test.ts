import { describe, expect, it } from 'vitest';
import { cameraErrorKey, fitWithin } from './camera';

describe('fitWithin', () => {
  it('scales a full-HD frame down to 720p', () => {
    expect(fitWithin(1920, 1080)).toEqual({ width: 1280, height: 720 });
  });
  it('keeps the long side of a portrait tablet frame within the limit', () => {
    expect(fitWithin(1080, 1920)).toEqual({ width: 720, height: 1280 });
  });
  it('never scales up a small frame', () => {
    expect(fitWithin(640, 480)).toEqual({ width: 640, height: 480 });
  });
  it('rounds to whole pixels and keeps at least one', () => {
    expect(fitWithin(4000, 3, 1280)).toEqual({ width: 1280, height: 1 });
  });
});

describe('cameraErrorKey', () => {
  it.each([
    ['NotAllowedError', 'cameraDenied'],
    ['SecurityError', 'cameraDenied'],
    ['NotFoundError', 'cameraMissing'],
    ['OverconstrainedError', 'cameraMissing'],
    ['NotReadableError', 'cameraBusy'],
    ['AbortError', 'cameraBusy'],
    ['SomethingNew', 'cameraFailed'],
  ])('maps %s to %s', (name, key) => {
    expect(cameraErrorKey(new DOMException('camera', name))).toBe(key);
  });
  it('treats a missing API (TypeError) as unsupported, and junk as a plain failure', () => {
    expect(cameraErrorKey(new TypeError('getUserMedia is not a function'))).toBe('cameraUnsupported');
    expect(cameraErrorKey('boom')).toBe('cameraFailed');
    expect(cameraErrorKey(null)).toBe('cameraFailed');
  });
});
