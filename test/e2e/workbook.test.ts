/**
 * The self-calculating workbook, opened and recalculated by a real spreadsheet
 * program: LibreOffice Calc, headless. Its values must equal quote's, row by row.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/cli/csv.js';
import { BUILTIN_POLICIES, MECHANISM_NAMES, quote } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
if (!soffice) console.warn('[yibao-rules tests] LibreOffice (soffice) is not installed: the workbook recalculation test is SKIPPED. Install it with `bash scripts/setup-libreoffice.sh` (.ci/run does).');

const dir = mkdtempSync(join(tmpdir(), 'yibao-wb-'));
/** A private LibreOffice profile that recalculates every formula when a file is loaded. */
function profile(): string {
  const p = join(dir, 'profile');
  mkdirSync(join(p, 'user'), { recursive: true });
  const item = (name: string) => `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  writeFileSync(join(p, 'user', 'registrymodifications.xcu'), `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${item('OOXMLRecalcMode')}${item('ODFRecalcMode')}</oor:items>\n`);
  return `file://${p}`;
}

describe.skipIf(!soffice)('yibao-rules workbook, recalculated by LibreOffice Calc', () => {
  const prof = soffice ? profile() : '';
  it.each(BUILTIN_POLICIES.map((p) => [p.id, p] as const))('%s: every example row equals quote', (id, p) => {
    const xlsx = join(dir, `${id}.xlsx`);
    execFileSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'workbook', '--county', p.county.name, '--year', String(p.coverageYear.year), '--out', xlsx]);
    execFileSync(soffice, [`-env:UserInstallation=${prof}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, xlsx], { stdio: 'pipe', timeout: 120_000 });
    const rows = parseCsv(readFileSync(join(dir, `${id}-花名册.csv`)));
    const [head, ...data] = rows;
    expect(head!.slice(0, 3)).toEqual(['姓名', '身份证号', '类别1']);
    const examples = data.filter((r) => r[0]!.startsWith('示例'));
    expect(examples.length).toBeGreaterThanOrEqual(12);
    const col = (name: string) => head!.indexOf(name);
    for (const r of examples) {
      const categories = [r[2], r[3], r[4]].filter((c): c is string => Boolean(c));
      const paidOn = r[5] || undefined;
      const birthDate = r[6] || undefined;
      const q = quote({ county: p.county.name, coverageYear: p.coverageYear.year, categories, paidOn, birthDate });
      const where = `${id} ${r[0]} ${categories.join('+')} ${paidOn ?? ''}`;
      const num = (v: string | null) => (v === null ? '未明确' : String(Number(v)));
      expect(String(Number(r[col('缴费标准')])), where).toBe(num(q.standard));
      expect(r[col('个人缴费')] === '未明确' ? '未明确' : String(Number(r[col('个人缴费')])), where).toBe(num(q.individual));
      expect(r[col('资助')] === '未明确' ? '未明确' : String(Number(r[col('资助')])), where).toBe(num(q.subsidy));
      expect(r[col('缴费时应缴')] === '未明确' ? '未明确' : String(Number(r[col('缴费时应缴')])), where).toBe(num(q.dueAtPayment));
      expect(r[col('事后补退')] === '未明确' ? '未明确' : String(Number(r[col('事后补退')])), where).toBe(num(q.reimbursedLater));
      expect(r[col('资助方式')], where).toBe(q.mechanism ? MECHANISM_NAMES[q.mechanism].zh : '未明确');
      expect(r[col('状态')], where).toBe(q.status === 'determined' ? '已确定' : '未明确');
      expect(r[col('在征缴期内')], where).toBe(q.window ? (q.window.open ? '是' : '否') : '');
      expect(r[col('待遇开始')], where).toBe(q.coverage?.start ?? '');
      expect(r[col('待遇结束')], where).toBe(q.coverage?.end ?? '');
    }
  });
});
