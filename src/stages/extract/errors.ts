/**
 * Why a document could not be turned into text, as a value the extractors throw and the
 * analysis turns into the file's error row: a kind with a one-line reason in Chinese and
 * in English, so the message follows the run's language.
 */

/** The kinds of document that cannot be read, each with its own rule id. */
export type ExtractFailure = 'damaged' | 'encrypted' | 'tooLarge' | 'noText';

/** Rule ids of the failures, stable for scripts. */
export const EXTRACT_RULES: Record<ExtractFailure, string> = {
  damaged: 'document-damaged',
  encrypted: 'document-encrypted',
  tooLarge: 'document-too-large',
  noText: 'no-text-layer',
};

/** What each failure says, in both languages; the detail (from the library) follows. */
const REASONS: Record<ExtractFailure, {zh: string; en: string}> = {
  damaged: {zh: '文档已损坏，无法读取', en: 'the document is damaged and cannot be read'},
  encrypted: {zh: '文档已加密（设有密码），无法读取', en: 'the document is encrypted (password protected) and cannot be read'},
  tooLarge: {zh: '文档解压后过大，已拒绝（疑似压缩炸弹）', en: 'the document is too large once inflated and was refused (a zip bomb?)'},
  noText: {zh: 'PDF 没有文本层（扫描件？），需先做文字识别（OCR）', en: 'the PDF has no text layer (a scan?); it needs OCR first'},
};

/** A document that cannot be turned into text. */
export class ExtractError extends Error {
  override name = 'ExtractError';

  /**
   * Makes the error of a kind. `detail` is the cause in English (often the library's own
   * words); `detailZh` the same in Chinese where it can be said, else the Chinese reason
   * stands alone rather than mixing languages.
   */
  constructor(readonly kind: ExtractFailure, readonly detail = '', readonly detailZh = '') {
    super(`${REASONS[kind].en}${detail ? `: ${detail}` : ''}`);
  }

  /** Returns the one-line reason in the given language. */
  reason(lang: 'zh' | 'en'): string {
    const head = REASONS[this.kind][lang];
    const detail = (lang === 'zh' ? this.detailZh : this.detail).replace(/\s*[\r\n]+\s*/g, ' ').trim().slice(0, 200);
    return detail ? `${head}${lang === 'zh' ? '：' : ': '}${detail}` : head;
  }
}
