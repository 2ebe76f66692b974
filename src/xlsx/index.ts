/**
 * A small XLSX reader and writer on node:zlib alone (no dependency): what
 * the roster job needs, kept general (sheets, cells, number formats, styles).
 *
 * @module
 */
export { XlsxWriter, columnLetters, type Cell, type XlsxWriterOptions } from './writer.js';
export { crc32, ZipWriter } from './zip.js';
export { readSheetRows, serialToIso, isDateFormat, unescapeXml, XlsxError, MAX_ROW_GAP, MAX_COLUMNS, type ColumnTypes, type ReadOptions } from './reader.js';
