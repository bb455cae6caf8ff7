/**
 * The analysis of one file of any format: binary documents (.docx, .doc, .pdf) go first
 * through the async extraction step (pdf.js and word-extractor are async), then every file
 * through the pure, synchronous `analyzeFile`. A document that cannot be read becomes its
 * error row with the reason in the run's language.
 */
import {analyzeFile, failedFile, internalError, type AnalyzeOptions, type SourceFile} from './analyze.js';
import {RULES} from './messages.js';
import {EXTRACT_RULES, ExtractError} from './stages/extract/errors.js';
import {documentKind, extractDocument} from './stages/extract/index.js';
import type {FileResult} from './types.js';

/** Extracts a binary document's lines if need be, then analyses the file; never throws. */
export async function analyzeSource(source: SourceFile, options: AnalyzeOptions): Promise<FileResult> {
  const kind = documentKind(source.file, source.bytes);
  if (kind === 'text' || source.extracted) return analyzeFile(source, options);
  try {
    const extracted = await extractDocument(source.file, source.bytes);
    return analyzeFile({...source, extracted}, options);
  } catch (error) {
    const lang = options.check?.lang ?? options.lang ?? 'zh';
    if (error instanceof ExtractError) {
      return failedFile(source.file, {zh: error.reason('zh'), en: error.reason('en')}, kind, EXTRACT_RULES[error.kind], lang);
    }
    return failedFile(source.file, internalError(error), kind, RULES.internal, lang);
  }
}
