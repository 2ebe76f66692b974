/**
 * The township tables of an attachment (任务分解表): a title ending in 表, a
 * header row, one row per township (乡, 镇, 街道, 社区, 村) with whole numbers,
 * and a total row (合计). Rows that are not townships with counts, such as
 * the lists of named officials with phone numbers, are never read.
 *
 * @module
 */
import { asNormalised } from './normalise.js';
import type { Cited, DraftContext } from './types.js';

/** A table as found. */
export interface TableFinding {
  id: string;
  title: string;
  columns: string[];
  rows: Array<{ name: string; values: number[] }>;
  total: number[];
}

const PLACE = /(镇|乡|街道|街道办事处|办事处|社区|村|开发区|管委会)$/;
const TOTAL = /^(合计|总计|全县合计|全县)$/;
const cellsOf = (line: string) => line.split(/\t+|\s{2,}/).map((c) => c.trim()).filter((c) => c !== '');
const compact = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** Finds the township tables of the attachments. */
export function findTables(ctx: DraftContext): Array<Cited<TableFinding>> {
  const out: Array<Cited<TableFinding>> = [];
  const firstAttachment = ctx.paragraphs.findIndex((p) => p.clause.startsWith('附件'));
  if (firstAttachment < 0) return out;
  const lines = ctx.normal.original.split('\n');
  const cells = (line: string) => cellsOf(asNormalised(ctx.normal, line));
  const lineStarts: number[] = [];
  let o = 0;
  for (const l of lines) {
    lineStarts.push(o);
    o += l.length + 1;
  }
  for (const p of ctx.paragraphs.slice(firstAttachment)) {
    if (!/表$/.test(p.text) || p.text.length > 60) continue;
    const origin = ctx.normal.map[p.start]!;
    let li = lineStarts.findIndex((s, i) => s <= origin && origin < (lineStarts[i + 1] ?? Infinity));
    // The header: the next non-empty line.
    do li++;
    while (li < lines.length && !lines[li]!.trim());
    const head = cells(lines[li] ?? '');
    if (head.length < 2) continue;
    const rows: TableFinding['rows'] = [];
    let total: number[] | undefined;
    for (li++; li < lines.length; li++) {
      const c = cells(lines[li]!);
      if (!c.length) continue;
      const name = compact(c[0]!);
      const nums = c.slice(1);
      if (!nums.length || !nums.every((x) => /^\d{1,7}$/.test(x))) break;
      const values = nums.map(Number);
      if (TOTAL.test(name)) {
        total = values;
        break;
      }
      if (!PLACE.test(name)) break;
      rows.push({ name, values });
    }
    if (!rows.length || !total) continue;
    const width = total.length;
    if (rows.some((r) => r.values.length !== width)) continue;
    const columns = head.slice(1, 1 + width).map(compact);
    if (columns.length !== width) continue;
    const id = /目标/.test(p.text) ? 'township-targets' : /任务/.test(p.text) ? 'township-tasks' : `table-${out.length + 1}`;
    out.push(ctx.cite({ id, title: p.text, columns, rows, total }, p.clause, p.start, p.end));
  }
  return out;
}
