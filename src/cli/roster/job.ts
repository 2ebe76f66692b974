/**
 * The roster job: reads a roster (CSV in UTF-8, GB18030 or UTF-16, or XLSX),
 * computes every row, writes the same rows in the same order with the
 * computed columns appended (CSV, XLSX or JSON), and sums up what a county
 * needs to budget. N rows in, N rows out; a bad row never stops it; a file
 * that cannot be read whole stops it before any output is replaced.
 */
import { readFileSync, statSync } from 'node:fs';
import { normaliseDateText, splitCategories } from '../../input-text.js';
import { parseCivilDate } from '../../civil-date.js';
import { CsvReader, CsvRecordError, MAX_RECORD, parseCsv } from '../csv.js';
import { idKeyIn, checkIdIn, DuplicateFinder, duplicateProblem, IdsAhead, type IdResult, type Problem } from './checks.js';
import { birthDayOfIdKey } from '../id-number.js';
import { t, type Lang } from '../text.js';
import { headerScore, mapColumns, rowKeyOf, type ColumnOptions, type Columns } from './columns.js';
import type { PolicyRegistry } from '../../registry.js';
import { Decider, errorColumns, suffixBytes, type Entry, type OutKey } from './decisions.js';
import { RosterFileError } from './errors.js';
import { checkTarget, dropTemp, tempBeside } from './files.js';
import { finishOutput, outputFormat, PROBLEM_SEPARATOR, WorkingFile, type Patch } from './output.js';
import { encodingLabel, inspect, lineAt, rowsOf, inputToFile, type RosterEncoding, type RosterSource } from './reading.js';
import { addToGroup, newGroup, policyTargets, summarise, type GroupTotals, type RosterSummary } from './summary.js';

/** Options of the roster job. */
export interface RosterOptions extends ColumnOptions {
  /** The roster file; `-` for standard input. */
  input: string;
  /** The output file; `-` for standard output (written once complete); none: summary only. */
  out?: string;
  /** The output format when `out` is `-` (csv, json, xlsx; default csv). */
  format?: string;
  /** The input's encoding, instead of detecting it. */
  encoding?: RosterEncoding;
  /** The header's row (1-based), instead of finding it. */
  headerRow?: number;
  /** A CSV file of office labels and the policy's category names (`--category-map`). */
  categoryMap?: string;
  /** A CSV of --by values and their targets (people to enrol), instead of a policy's township table. */
  targets?: string;
  /** Keep cells that start like formulas as they are (no OWASP neutralising). */
  raw?: boolean;
  progress?: boolean;
  /** The policies to quote against (the built-ins plus `--policy` files); default the built-ins. */
  registry?: PolicyRegistry;
}

/** How many rows are searched for the header when no --header-row is given. */
const HEADER_SEARCH = 30;
/** The most distinct --by values (each row's group travels with its ID in 12 bits). */
const MAX_GROUPS = 4095;
const GROUP_SLOTS = 4096;

/** Reads a --category-map file: office label → the policy's category names. */
export function readCategoryMap(path: string): Map<string, string[]> {
  const rows = parseCsv(readFileSync(path));
  const map = new Map<string, string[]>();
  rows.forEach((r, i) => {
    const [label, cats] = [r[0]?.trim() ?? '', r[1]?.trim() ?? ''];
    if (!label || label.startsWith('#')) return;
    if (i === 0 && /类别|category/i.test(cats) && /标签|label|原/.test(label)) return; // a header row
    if (!cats) throw new RosterFileError(`--category-map 第 ${i + 1} 行缺少类别：${label}`, `--category-map line ${i + 1} has no category: ${label}`);
    map.set(label, splitCategories(cats));
  });
  return map;
}

/** Reads a --targets file: two columns, a --by value and the number of people to enrol (a header row is skipped). */
export function readTargets(path: string): Map<string, number> {
  const map = new Map<string, number>();
  parseCsv(readFileSync(path)).forEach((r, i) => {
    const [name, n] = [r[0]?.trim() ?? '', (r[1] ?? '').trim().replace(/,/g, '')];
    if (!name) return;
    if (!/^\d+$/.test(n)) {
      if (i === 0) return; // a header row
      throw new RosterFileError(`--targets 第 ${i + 1} 行的目标不是整数：${r[1] ?? ''}`, `--targets line ${i + 1}: the target is not a whole number: ${r[1] ?? ''}`);
    }
    map.set(name, Number(n));
  });
  return map;
}

/** Finds the header: the given row, else the first of the first rows with at least two known column names. */
async function findHeader(src: RosterSource, opts: RosterOptions): Promise<{ header: string[]; index: number; line: number }> {
  const seen: Array<{ fields: string[]; offset: number }> = [];
  const want = opts.headerRow ?? 0;
  outer: for await (const r of rowsOf(src)) {
    while (r.next()) {
      seen.push({ fields: r.fields(), offset: r instanceof CsvReader ? r.recordOffset : seen.length });
      if (want ? seen.length >= want : seen.length >= HEADER_SEARCH || headerScore(seen[seen.length - 1]!.fields) >= 2) break outer;
    }
  }
  if (!seen.length) throw new RosterFileError('文件为空，没有表头', 'the file is empty: no header');
  let index = want ? want - 1 : seen.findIndex((s) => headerScore(s.fields) >= 2);
  if (want && index >= seen.length) throw new RosterFileError(`--header-row ${want}：文件只有 ${seen.length} 行`, `--header-row ${want}: the file has ${seen.length} rows`);
  if (index < 0) index = 0; // no header found: the first row, for mapColumns to explain what is missing
  const line = src.kind === 'csv' ? await lineAt(src, seen[index]!.offset) : index + 1;
  return { header: seen[index]!.fields, index, line };
}

/** About how many rows a CSV file holds, from the bytes its first `n` rows took (a little over, so that a table sized by it need not grow). */
function expectedRows(fileSize: number, reader: CsvReader, n: number): number {
  return Math.min(1 << 26, (fileSize / Math.max(1, reader.consumed)) * n * 1.1);
}

/**
 * The quick pass over a CSV roster before its rows are decided: each row's ID
 * checked as the main pass would check it (a GB18030 file read as its own
 * bytes), the valid keys noted by row and sorted once. The main pass then
 * takes each row's key from it (checking again only IDs that are not valid,
 * for their messages) and flags the rows of an ID seen twice as it writes
 * them: the output is written once. Undefined when this pass
 * cannot tell (an XLSX roster; a record the reader refuses, which the main
 * pass then reports): the main pass finds duplicates itself and patches
 * them in afterwards.
 */
async function idsAhead(src: RosterSource, headerIndex: number, width: number, idCol: number, decider: Decider): Promise<IdsAhead | undefined> {
  if (src.kind !== 'csv') return undefined;
  const ahead = new IdsAhead();
  const idr: IdResult = { key: -1, birthDay: NaN, problem: undefined };
  const fileSize = statSync(src.path).size;
  let n = -headerIndex - 1;
  let reserved = false;
  try {
    for await (const rows of rowsOf(src, true)) {
      while (rows.next()) {
        if (++n <= 0) continue; // title rows and the header
        // Rows the main pass does not check the ID of: empty, or more fields than the header.
        if (rows.length === 0 || (rows.length === 1 && rows.text(0) === '') || rows.length > width) continue;
        checkIdIn(rows, idCol, decider.lastDayOf(rows), idr);
        if (idr.key >= 0) ahead.note(n, idr.key);
      }
      if (!reserved && n > 0 && rows instanceof CsvReader) {
        reserved = true;
        ahead.reserve(expectedRows(fileSize, rows, n));
      }
    }
  } catch (e) {
    if (e instanceof CsvRecordError || e instanceof RosterFileError) return undefined;
    throw e;
  }
  ahead.finish();
  return ahead;
}

/** Runs the roster job. Throws {@link RosterFileError} when the file cannot be used at all; a previous output is then left as it was. */
export async function runRoster(opts: RosterOptions): Promise<RosterSummary> {
  const lang = opts.lang;
  const format = opts.out === undefined ? undefined : outputFormat(opts.out, opts.format);
  if (opts.out !== undefined) checkTarget(opts.out);
  const temps: string[] = [];
  let file: WorkingFile | undefined;
  try {
    const copied = opts.input === '-' || !statSync(opts.input).isFile();
    const inputPath = copied ? await inputToFile(opts.input) : opts.input;
    if (copied) temps.push(inputPath);
    const src = await inspect(inputPath, opts.encoding);
    temps.push(...src.temps);
    const categoryMap = opts.categoryMap ? readCategoryMap(opts.categoryMap) : undefined;
    const found = await findHeader(src, opts);
    const cols: Columns = mapColumns(found.header, opts, found.line);
    const { col, header } = cols;
    const width = header.length;
    const lineOf = (n: number) => n + found.line;
    const idCheck = !opts.noIdCheck && col.id >= 0;

    let work: string | undefined;
    if (opts.out !== undefined) {
      work = tempBeside(opts.out, 'work');
      temps.push(work);
      file = await WorkingFile.create(work, Boolean(opts.raw));
      file.header(header, lang);
    }
    const decider = new Decider(cols, { lang, county: opts.county, year: opts.year, categoryMap, registry: opts.registry });
    // Duplicate IDs: found ahead for a CSV roster, else (XLSX) as the rows go by and patched in afterwards.
    const ahead = idCheck ? await idsAhead(src, found.index, width, col.id, decider) : undefined;
    const duplicates = new DuplicateFinder();
    const rowKey = rowKeyOf(cols);
    const errorsByCode: Record<string, number> = {};
    const groups = cols.by >= 0 ? new Map<string, GroupTotals>() : undefined;
    const groupList: GroupTotals[] = [newGroup()];
    const groupIndexOf = new Map<GroupTotals, number>();
    let count = 0;
    let errors = 0;
    const rowError = (code: string, zh: string, en: string): Record<OutKey, string> => {
      errors++;
      errorsByCode[code] = (errorsByCode[code] ?? 0) + 1;
      return errorColumns(code, lang === 'zh' ? zh : en);
    };
    const idr: IdResult = { key: -1, birthDay: NaN, problem: undefined };
    const started = Date.now();
    let lastTick = started;

    let n = -found.index - 1;
    let reader: CsvReader | undefined;
    let reserved = false;
    const fileSize = statSync(src.path).size;
    try {
      for await (const rows of rowsOf(src)) {
        if (rows instanceof CsvReader) reader = rows;
        while (rows.next()) {
          if (++n <= 0) continue; // title rows and the header
          count++;
          if (reader?.multiline && (reader.fieldLines > 20 || reader.fieldDelimiters >= Math.max(2, width - 1)))
            throw new CsvRecordError('unterminated', reader.recordOffset);
          let out: Record<OutKey, string> | undefined;
          let entry: Entry | undefined;
          let group: GroupTotals | undefined;
          let groupIndex = 0;
          if (groups) {
            const v = rows.text(cols.by).trim();
            group = groups.get(v);
            if (!group) {
              if (groups.size >= MAX_GROUPS) throw new RosterFileError(`--by 列的不同取值超过 ${MAX_GROUPS} 个`, `the --by column has more than ${MAX_GROUPS} distinct values`);
              groups.set(v, (group = newGroup()));
              groupIndexOf.set(group, groupList.length);
              groupList.push(group);
            }
            groupIndex = groupIndexOf.get(group)!;
            group.rows++;
          }
          idr.key = -1;
          idr.problem = undefined;
          if (rows.length === 0 || (rows.length === 1 && rows.text(0) === '')) out = rowError('empty_row', '空行', 'empty line');
          else if (rows.length > width) {
            const extra = rows.fields().slice(width).join(',');
            out = rowError('column_count', `列数（${rows.length}）多于表头（${width}），多出的内容：${extra}`, `more fields (${rows.length}) than the header (${width}); the extra fields: ${extra}`);
          } else {
            const key = rowKey(rows);
            const base = decider.base(key, rows);
            let birthDay = NaN;
            let birthText: string | undefined;
            if (idCheck) {
              const k = ahead ? ahead.keyOf(n) : -1;
              if (k >= 0) {
                idr.key = k;
                idr.birthDay = birthDayOfIdKey(k);
                const others = ahead!.groups.get(k);
                if (others) idr.problem = duplicateProblem(others, n, lineOf);
              } else checkIdIn(rows, col.id, base.lastDay, idr);
              birthDay = idr.birthDay;
            } else if (col.id >= 0) {
              const k = idKeyIn(rows, col.id);
              if (k >= 0) birthDay = birthDayOfIdKey(k);
            }
            if (col.birthDate >= 0) {
              const b = rows.text(col.birthDate).trim();
              if (b) {
                birthText = normaliseDateText(b);
                birthDay = parseCivilDate(birthText) ?? Infinity;
              }
            }
            entry = decider.withBirth(key, rows, base, birthDay, birthText);
            if (entry.error || idr.problem) {
              // An identity problem takes the code; the message carries every problem of the row.
              const problems = [idr.problem, entry.error].filter((e): e is Problem => e !== undefined);
              const join = (k: Lang) => problems.map((e) => e[k]).join(PROBLEM_SEPARATOR[k]);
              out = rowError(problems[0]!.code, join('zh'), join('en'));
            } else {
              entry.count++;
              if (group) addToGroup(group, entry);
            }
          }
          // The --by group travels with the output offset (offset · 4096 + group: exact below 2^40 bytes of output).
          if (idr.key >= 0 && !ahead) duplicates.add(idr.key, { row: n, entry: entry ? entry.index : -1, offset: (file ? file.offset : 0) * GROUP_SLOTS + groupIndex });
          if (file) {
            const p = file.row(rows, width, out ? suffixBytes(out) : (entry!.suffixBytes ??= suffixBytes(entry!.out)));
            if (p) await p;
          }
        }
        // After the first block, size the ID index for the whole file from its bytes per row.
        if (!reserved && n > 0 && idCheck && !ahead && rows instanceof CsvReader) {
          reserved = true;
          duplicates.reserve(expectedRows(fileSize, rows, n));
        }
        if (opts.progress) {
          const now = Date.now();
          if (now - lastTick > 250) {
            lastTick = now;
            process.stderr.write(`\r${t(lang, '已处理', 'rows')} ${count}  ${Math.round((count * 1000) / (now - started))} ${t(lang, '行/秒', 'rows/s')}   `);
          }
        }
      }
    } catch (e) {
      if (!(e instanceof CsvRecordError)) throw e;
      const line = await lineAt(src, e.offset);
      throw e.kind === 'unterminated'
        ? new RosterFileError(
            `第 ${line} 行：引号未闭合（从这里起的多行被并成了一个字段）。请检查该行的引号`,
            `line ${line}: a quote is not closed (the lines from here on would merge into one field). Check the quotes on that line`,
          )
        : new RosterFileError(`第 ${line} 行：记录超过 ${MAX_RECORD / 1024} KB，不像花名册的一行（可能是未闭合的引号或不是花名册）`, `line ${line}: a record longer than ${MAX_RECORD / 1024} KB is not a roster row (an unclosed quote, or not a roster)`);
    }
    if (opts.progress) process.stderr.write('\r\x1b[K');

    // Rows of a duplicated ID: the identity problem takes the code and comes first in the message; out of the totals.
    const patches: Patch[] = [];
    for (const sightings of duplicates.groups().values()) {
      const all = sightings.map((g) => g.row);
      for (const g of sightings) {
        if (g.entry < 0) continue; // an empty or over-long row keeps its own error
        const e = decider.entries[g.entry]!;
        const grp = groupList[g.offset % GROUP_SLOTS]!;
        if (e.error) {
          if (--errorsByCode[e.error.code]! === 0) delete errorsByCode[e.error.code];
        } else {
          e.count--;
          errors++;
          if (groups) addToGroup(grp, e, -1);
        }
        errorsByCode.duplicate_id = (errorsByCode.duplicate_id ?? 0) + 1;
        const d = duplicateProblem(all, g.row, lineOf);
        patches.push({ row: g.row, offset: Math.floor(g.offset / GROUP_SLOTS), message: lang === 'zh' ? d.zh : d.en });
      }
    }
    if (file && work && opts.out !== undefined) {
      const f = file;
      file = undefined;
      await f.close();
      // Columns of an XLSX input that held numbers below the header (and nothing else) stay numbers in an XLSX output.
      const numeric = new Set<number>();
      if (src.types) for (let i = 0; i < width; i++) if (src.types.numbers[i] && (src.types.lastText[i] ?? 0) <= found.line) numeric.add(i);
      await finishOutput(work, opts.out, format!, lang, patches.sort((x, y) => x.row - y.row), numeric);
    }
    const targets = (entries: readonly Entry[]) => {
      if (opts.targets) return { targets: readTargets(opts.targets), targetsFrom: opts.targets };
      const t = policyTargets([...new Set(entries.flatMap((e) => (e.q && e.count ? [e.q.policyId] : [])))], opts.registry);
      return t ? { targets: t.map, targetsFrom: t.from } : {};
    };
    const encoding = src.kind === 'xlsx' ? 'XLSX' : `${encodingLabel(src.encoding)}${src.forced ? t(lang, '（--encoding 指定）', ' (--encoding)') : ''}${src.delimiter === '\t' ? t(lang, '，制表符分隔', ', tab-separated') : ''}`;
    return summarise(
      decider.entries,
      { rows: count, errors, errorsByCode },
      { encoding, headerLine: found.line, columns: cols.used.map((u) => ({ field: u.field, column: u.header })), unusedColumns: cols.unused, idCheck },
      groups ? { column: header[cols.by]!, map: groups, ...targets(decider.entries) } : undefined,
      opts.out,
      opts.registry,
    );
  } finally {
    if (file) await file.sink.abandon();
    for (const f of temps) dropTemp(f);
  }
}
