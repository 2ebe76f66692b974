/**
 * A small XLSX reader and writer on node:zlib alone (no dependency): what
 * the roster job needs, kept general (sheets, cells, number formats, styles).
 *
 * @module
 */
export { XlsxWriter, columnLetters, type Cell, type XlsxWriterOptions } from './writer.js';
export { crc32, ZipWriter } from './zip.js';
export { readSheetRows, XlsxError } from './reader.js';
