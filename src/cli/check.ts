/** `yibao-rules check FILE [--notice NOTICE.txt]`: a policy file reviewed before use. */
import { readFileSync } from 'node:fs';
import { checkPolicy, type PolicyCheck } from '../check-policy.js';
import { formatPath, yibaoError, type YibaoIssue } from '../errors.js';
import { createRegistry } from '../registry.js';
import { categoryTable } from './policies.js';
import { t, type Lang } from './text.js';

/** The check of one file, and the report a person reads. */
export interface CheckReport extends PolicyCheck {
  readonly file: string;
  readonly notice: string | undefined;
}

function readText(file: string, what: { zh: string; en: string }): string {
  try {
    const s = readFileSync(file, 'utf8');
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  } catch {
    throw yibaoError('policy_file', [], `无法读取${what.zh}：${file}`, `cannot read the ${what.en}: ${file}`);
  }
}

/** Checks a policy file (and its notice). A file that is not JSON is one problem, not a crash. */
export function checkFile(file: string, notice?: string): CheckReport {
  const text = readText(file, { zh: '政策文件', en: 'policy file' });
  const noticeText = notice === undefined ? undefined : readText(notice, { zh: '通知原文', en: 'notice' });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const problem: YibaoIssue = { code: 'policy_file', path: [], zh: `不是有效的 JSON：${(e as Error).message}`, en: `not valid JSON: ${(e as Error).message}` };
    return { file, notice, ok: false, policy: undefined, problems: [problem], quotesChecked: 0, gaps: [] };
  }
  return { file, notice, ...checkPolicy(json, noticeText === undefined ? {} : { notice: noticeText }) };
}

/** The report in one language (the other beside each problem). */
export function formatCheck(r: CheckReport, lang: Lang): string {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const p = r.policy;
  const out = [
    `${t(lang, '检查', 'check')}: ${r.file}${r.notice ? `  ${t(lang, '对照', 'against')} ${r.notice}` : ''}`,
    p ? `${t(lang, '政策', 'policy')}: ${p.id}  ${p.county.name}  ${p.coverageYear.year}` : t(lang, '政策：无效', 'policy: invalid'),
  ];
  if (r.notice) out.push(`${t(lang, '引文', 'quotes')}: ${r.quotesChecked} ${t(lang, '条已对照原文', 'compared with the notice')}`);
  if (r.problems.length) {
    out.push('', `${t(lang, '问题', 'problems')} (${r.problems.length}):`);
    r.problems.forEach((i, n) => {
      const at = i.path.length ? `  @ ${formatPath(i.path)}` : '';
      out.push(`  ${n + 1}. [${i.code}] ${i[lang]}${at}`, `     ${i[other]}`);
    });
  } else out.push(t(lang, '结构、审计与引文：均通过', 'schema, audit and quotes: all pass'));
  for (const [kind, zh, en] of [['not-stated', '通知未写明', 'not stated by the notice'], ['inferred', '推断（非原文）', 'inferred (not the notice\'s words)']] as const) {
    const gs = r.gaps.filter((g) => g.kind === kind);
    if (gs.length) out.push('', `${t(lang, zh, en)} (${gs.length}):`, ...gs.map((g) => `  - ${g.path}: ${g[lang]}`));
  }
  if (p) out.push('', categoryTable(p, lang, createRegistry([p])));
  return out.join('\n');
}
