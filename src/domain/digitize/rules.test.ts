// Page file types: each mode's stored type reads back as that mode; older whole-page JPEG colour
// pages still read as colour, and any other type as text.
import { describe, expect, it } from 'vitest';
import { PAGE_TYPES, pageModeOfType } from './rules';

describe('pageModeOfType', () => {
  it('reads back the mode each stored type was written for', () => {
    expect(pageModeOfType(PAGE_TYPES.text)).toBe('text');
    expect(pageModeOfType(PAGE_TYPES.colour)).toBe('colour');
  });
  it('takes a whole-page JPEG, as colour pages were stored before, as colour', () => {
    expect(pageModeOfType('image/jpeg')).toBe('colour');
    expect(pageModeOfType('application/pdf')).toBe('text');
  });
});
