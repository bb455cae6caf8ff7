/**
 * Spaces that PDF producers add between Chinese and Latin script (LibreOffice and Word
 * "autospace": `2019 年`) are layout, not text. pdf.js reports them as narrow gaps; the PDF
 * extractor marks a space narrower than THIN_SPACE_EM of the font size with U+2009, and
 * this rule drops it next to a Chinese character, keeping every wider (real) space.
 */

/** Width, as a share of the font size, under which a space is a producer's gap (0.2 em measured; a space glyph is 0.25 em or more). */
export const THIN_SPACE_EM = 0.23;

/** Drops narrow gaps next to Chinese characters; other narrow gaps become plain spaces. */
export function removeProducerSpaces(text: string): string {
  return text
    .replace(/(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])\u2009+|\u2009+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu, '')
    .replace(/\u2009+/g, ' ');
}
