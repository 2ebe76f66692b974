/**
 * A streaming XLSX writer: one worksheet of rows of strings and numbers,
 * number formats, a bold style, column widths. Strings are written inline
 * (no shared-strings table held in memory); numbers stay numbers.
 */
import { ZipWriter, type ZipOut } from './zip.js';

/** A cell: text, a number, a number with a format (e.g. '0.00'), or blank (null). */
export type Cell = string | number | null | { number: number; format: string };

/** Options of a {@link XlsxWriter}. */
export interface XlsxWriterOptions {
  sheetName?: string;
}

/** Built-in number formats (ECMA-376 §18.8.30) by code; others get ids from 164 on. */
const BUILTIN_FORMATS: Record<string, number> = { '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, 'yyyy-mm-dd': 14, '@': 49 };

const esc = (s: string) =>
  s.replace(/[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : ''));

/** A1-style column letters of a 0-based column. */
export function columnLetters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Writes an XLSX file row by row.
 *
 * @example
 * ```ts
 * const w = new XlsxWriter((b) => void chunks.push(b));
 * await w.addRow(['姓名', '金额'], { bold: true });
 * await w.addRow(['张三', { number: 280, format: '0.00' }]);
 * await w.finish();
 * ```
 */
export class XlsxWriter {
  private readonly zip: ZipWriter;
  private sheet: Awaited<ReturnType<ZipWriter['stream']>> | undefined;
  private started: Promise<void> | undefined;
  private columns: Array<{ width: number }> = [];
  private readonly formats = new Map<string, number>();
  /** Style ids: 0 default, 1 bold, then one per number format. */
  private readonly styleOf = new Map<number, number>();
  private row = 0;
  private buf = '';
  constructor(
    out: ZipOut,
    private readonly opts: XlsxWriterOptions = {},
  ) {
    this.zip = new ZipWriter(out);
  }

  /** Column widths (in characters); before the first row. */
  setColumns(cols: Array<{ width: number }>): void {
    this.columns = cols;
  }

  private formatStyle(code: string): number {
    let id = this.formats.get(code);
    if (id === undefined) this.formats.set(code, (id = BUILTIN_FORMATS[code] ?? 164 + [...this.formats.keys()].filter((k) => !(k in BUILTIN_FORMATS)).length));
    let s = this.styleOf.get(id);
    if (s === undefined) this.styleOf.set(id, (s = 2 + this.styleOf.size));
    return s;
  }

  private async start(): Promise<void> {
    this.sheet = await this.zip.stream('xl/worksheets/sheet1.xml');
    const cols = this.columns.length ? `<cols>${this.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>` : '';
    const p = this.sheet.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`);
    if (p) await p;
  }

  /** Adds a row; a promise when the writer wants the caller to wait. */
  addRow(cells: readonly Cell[], style: { bold?: boolean } = {}): Promise<void> | undefined {
    if (!this.sheet) return (this.started ??= this.start()).then(() => this.addRow(cells, style));
    const r = ++this.row;
    let x = `<row r="${r}">`;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c === null || c === undefined || c === '') continue;
      const ref = `${columnLetters(i)}${r}`;
      const bold = style.bold ? ' s="1"' : '';
      if (typeof c === 'string') x += `<c r="${ref}" t="inlineStr"${bold}><is><t xml:space="preserve">${esc(c)}</t></is></c>`;
      else if (typeof c === 'number') x += Number.isFinite(c) ? `<c r="${ref}"${bold}><v>${c}</v></c>` : '';
      else if (Number.isFinite(c.number)) x += `<c r="${ref}" s="${this.formatStyle(c.format)}"><v>${c.number}</v></c>`;
    }
    this.buf += `${x}</row>`;
    if (this.buf.length < 1 << 18) return undefined;
    const s = this.buf;
    this.buf = '';
    return this.sheet.write(s);
  }

  /** Ends the sheet and writes the rest of the package. */
  async finish(): Promise<void> {
    if (!this.sheet) await (this.started ??= this.start());
    const p = this.sheet!.write(`${this.buf}</sheetData></worksheet>`);
    if (p) await p;
    await this.sheet!.end();
    const z = this.zip;
    const custom = [...this.formats].filter(([k]) => !(k in BUILTIN_FORMATS));
    const xfs = [...this.styleOf.keys()].map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('');
    await z.add('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>');
    await z.add('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
    await z.add('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${esc((this.opts.sheetName ?? 'Sheet1').slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    await z.add('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
    await z.add(
      'xl/styles.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${custom.length ? `<numFmts count="${custom.length}">${custom.map(([k, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(k)}"/>`).join('')}</numFmts>` : ''}<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${2 + this.styleOf.size}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>${xfs}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    );
    await z.finish();
  }
}
