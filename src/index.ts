/**
 * The library: analyse one file's bytes, or find and analyse report files on disk, and
 * the parsers other programs reuse. Nothing else is public.
 */
export {analyzeFile, type AnalyzeOptions, type SourceFile} from './analyze.js';
export {analyzeSource} from './analyze-source.js';
export {extractDocument, type Extracted} from './stages/extract/index.js';
export {ExtractError} from './stages/extract/errors.js';
export {main, type MainParameters} from './cli.js';
export {discover, UsageError} from './stages/discover.js';
export {parseQuantity} from './stages/quantity.js';
export {formatTable} from './output/format.js';
export {chooseMetrics, compareReports, type CompareTable, type ReportFigures} from './compare.js';
export {readMetrics, type Metric} from './stages/metrics.js';
export {buildReportPage} from './report/page.js';
export type {
  Category, Config, FileResult, Indicator, Message, Qualifier, ReportRow, Section, SectionKind, SectionRow,
} from './types.js';
