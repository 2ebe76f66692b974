/**
 * Google Sheets (Apps Script) conventions: a custom function shows an error by
 * throwing; a cell inside a returned range can only hold a value, so an error
 * there becomes the text "#ERROR! …".
 * @module
 */
import { SheetError, type Out } from './functions.js';

/** Converts a sheet-layer result for Google Sheets. Throws for a single erroneous cell. */
export function toGoogle(out: Out | Out[][]): string | number | boolean | Array<Array<string | number | boolean>> {
  if (out instanceof SheetError) throw new Error(out.message);
  if (Array.isArray(out)) return out.map((row) => row.map((c) => (c instanceof SheetError ? `#ERROR! ${c.message}` : c)));
  return out;
}
