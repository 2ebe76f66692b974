/**
 * Writes fixtures/rosters/sample.csv: a synthetic roster with made-up names and
 * made-up ID numbers with valid check characters, covering every category of
 * every built-in notice, plus a few bad rows and one duplicated ID.
 * Deterministic: run it again and the file is the same.
 */
import { writeFileSync } from 'node:fs';
import { csvRow } from '../src/cli/csv.js';
import { BUILTIN_POLICIES, CATEGORY_CODES, CATEGORY_NAMES } from '../src/index.js';
import { makeId } from './fake-id.js';


const SURNAMES = '赵钱孙李周吴郑王冯陈';
const GIVEN = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
let k = 0;
const name = () => `${SURNAMES[k % 10]}${GIVEN[Math.floor(k / 10) % 10]}${k >= 100 ? GIVEN[Math.floor(k / 100) % 10] : ''}`;

const rows: string[][] = [['姓名', '身份证号', '县', '待遇年度', '类别', '缴费日期']];
const push = (county: string, year: number, category: string, paidOn: string, id?: string, region = '140000') => {
  const birth = `19${50 + (k % 50)}-0${1 + (k % 9)}-1${k % 10}`;
  rows.push([name(), id ?? makeId(region, birth, k % 1000), county, String(year), category, paidOn]);
  k++;
};

const inWindow: Record<string, string> = { 'xiangning-2023': '2022-10-10', 'lingchuan-2023': '2022-10-10', 'kelan-2022': '2021-12-01', 'minquan-2024': '2023-11-01', 'qinshui-2025': '2024-12-10' };
for (const p of BUILTIN_POLICIES) {
  for (const c of CATEGORY_CODES) push(p.county.name, p.coverageYear.year, c === 'ordinary' ? '' : CATEGORY_NAMES[c].zh[0]!, inWindow[p.id]!, undefined, p.county.code);
  for (const r of p.categories) for (const n of r.names) push(p.county.shortName, p.coverageYear.year, n, inWindow[p.id]!, undefined, p.county.code);
}
// Several identities, written the ways a clerk writes them.
push('岢岚县', 2022, '边缘易致贫人口、重度残疾人', '2021-12-01');
push('kelan', 2022, '低保对象/返贫致贫人口', '2021/12/2');
push('陵川', 2023, '重度残疾人;边缘易致贫人口', '2022年10月9日');
// Payment dates that decide: suspended, after the window, before the notice, outside the period.
push('岢岚', 2022, '低保对象', '2021-10-20');
push('乡宁', 2023, '', '2022-12-26');
push('沁水', 2025, '稳定脱贫人口', '2024-10-10');
push('民权', 2024, '低保对象', '2024-01-05');
// A newborn in Qinshui, six months after birth, outside the window.
rows.push(['周新生', makeId('140521', '2025-03-10', 1), '沁水', '2025', '', '2025-08-20']);
// Bad rows: wrong check character, impossible birth date, unknown category, unknown county, impossible payment date.
rows.push(['吴错一', `${makeId('140929', '1970-05-05', 7).slice(0, 17)}${makeId('140929', '1970-05-05', 7).endsWith('0') ? '1' : '0'}`, '岢岚', '2022', '低保对象', '2021-12-01']);
rows.push(['吴错二', '140929197002300071', '岢岚', '2022', '低保对象', '2021-12-01']);
push('岢岚', 2022, '公务员', '2021-12-01');
push('太原', 2022, '', '2021-12-01');
push('岢岚', 2022, '', '2021-02-30');
// The same person twice.
const dup = makeId('141029', '1980-08-08', 88);
rows.push(['郑重复', dup, '乡宁', '2023', '', '2022-10-10']);
rows.push(['郑重复', dup, '乡宁', '2023', '', '2022-11-10']);

writeFileSync(new URL('../fixtures/rosters/sample.csv', import.meta.url), `\uFEFF${rows.map((r) => csvRow(r)).join('')}`);
console.log(`fixtures/rosters/sample.csv: ${rows.length - 1} rows`);
