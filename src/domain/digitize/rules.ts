// What a digitized page must be (DOMAIN.md §10): A4 at 200 dpi or more, 1-bit G4 for text and
// colour for seals, signatures and photos; and what the desk accepts as input.

/** A4 in millimetres, portrait. */
export const A4_MM = { width: 210, height: 297 } as const;

/** The least resolution a digitized page may have, and the one pages are made at. */
export const MIN_PAGE_DPI = 200;
export const PAGE_DPI = 200;

/** Pixel size of an A4 page at a resolution (portrait). */
export function a4Pixels(dpi: number = PAGE_DPI): { width: number; height: number } {
  return { width: Math.round((A4_MM.width / 25.4) * dpi), height: Math.round((A4_MM.height / 25.4) * dpi) };
}

/** Limits on what an officer may import, so a huge or hostile file cannot stall the device. */
export const INPUT_LIMITS = {
  /** A phone photo is 3–12 MB; a scanner's PNG can be larger. */
  maxImageBytes: 40 * 1024 * 1024,
  maxPdfBytes: 25 * 1024 * 1024,
  /** A 50-megapixel image decodes to 200 MB of pixels: past that, refuse before decoding. */
  maxImagePixels: 50_000_000,
  minImageSide: 200,
} as const;

export type InputKind = 'jpeg' | 'png' | 'pdf';
export const ACCEPTED_TYPES: Record<InputKind, string> = { jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };

/** How a page is encoded: 1-bit text (CCITT G4), or colour for seals and photos (G4 text over a JPEG of the colour parts). */
export type PageMode = 'text' | 'colour';

/**
 * How a digitized page is stored, by mode: a 1-bit G4 TIFF; a colour page as the same TIFF with a
 * JPEG image of each coloured area after the text (the type says so, for lists that show the mode).
 * Colour pages stored before that are whole-page JPEGs.
 */
export const PAGE_TYPES = { text: 'image/tiff', colour: 'image/tiff; layers=g4+jpeg' } as const satisfies Record<PageMode, string>;

export function pageModeOfType(type: string): PageMode {
  return type === PAGE_TYPES.colour || type === 'image/jpeg' ? 'colour' : 'text';
}

export interface Point {
  x: number;
  y: number;
}

/** The page's four corners in photo pixels: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

/** Why a page may be unfit; the officer sees the reason and may retake or accept anyway. */
export type QualityIssue = 'noPage' | 'uncertainPage' | 'pageCut' | 'uncertainOrientation' | 'blurry' | 'dark' | 'blank' | 'lowResolution';

/** Why an input file was refused. */
export type InputProblem = 'unknownType' | 'unsupportedType' | 'tooLarge' | 'tooManyPixels' | 'tooSmall' | 'corrupt' | 'locked' | 'empty';
