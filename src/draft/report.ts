/**
 * The reviewer's report: Markdown, Chinese first with English beside. Each
 * figure with its clause and quote and a box to tick; what is not stated;
 * inferences with their reasoning; readings left open; what was left to the
 * reviewer; the policy's gaps (`policyGaps`); validation and audit findings;
 * the quote check and `check --notice`.
 *
 * @module
 */
import type { YibaoIssue } from '../errors.js';
import { formatPath } from '../errors.js';
import type { PolicyGap } from '../policy.js';
import type { DraftNote } from './types.js';

interface ReportInput {
  policy: Record<string, unknown>;
  valid: boolean;
  issues: readonly YibaoIssue[];
  notStated: readonly DraftNote[];
  inferences: readonly DraftNote[];
  ambiguities: readonly DraftNote[];
  unrepresentable: readonly DraftNote[];
  gaps: readonly PolicyGap[];
  check: { ok: boolean; problems: readonly YibaoIssue[]; quotesChecked: number };
  quoteProblems: ReadonlyArray<{ path: string; quote: string; zh: string; en: string }>;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Rows of (path, value, clause, quote) for every cited value of a policy. */
export function citedRows(v: unknown, path = ''): Array<{ path: string; value: string; clause: string; quote: string }> {
  if (!v || typeof v !== 'object') return [];
  if (Array.isArray(v)) return v.flatMap((x, i) => citedRows(x, `${path}[${i}]`));
  const o = v as Record<string, unknown>;
  const rows: Array<{ path: string; value: string; clause: string; quote: string }> = [];
  const c = o.cite as { clause?: string; quote?: string } | undefined;
  if (c && typeof c.clause === 'string' && typeof c.quote === 'string') {
    const scalars = Object.entries(o)
      .filter(([k, x]) => k !== 'cite' && k !== 'names' && (typeof x !== 'object' || (Array.isArray(x) && x.every((y) => typeof y !== 'object'))))
      .map(([k, x]) => `${k}=${Array.isArray(x) ? x.join(',') : String(x)}`);
    if (typeof o.name === 'object' && o.name && 'zh' in o.name) scalars.push(`name=${(o.name as { zh: string }).zh}`);
    if (typeof o.task === 'object' && o.task && 'zh' in o.task) scalars.push(`task=${(o.task as { zh: string }).zh}`);
    rows.push({ path, value: scalars.join('; '), clause: c.clause, quote: c.quote });
  }
  for (const [k, x] of Object.entries(o)) if (k !== 'cite' && x && typeof x === 'object') rows.push(...citedRows(x, path ? `${path}.${k}` : k));
  return rows;
}

function notes(title: string, list: readonly DraftNote[]): string {
  if (!list.length) return `## ${title}\n\n无 None.\n`;
  return `## ${title}\n\n${list.map((n) => `- **${n.field}**：${n.zh}<br>${n.en}${n.cite ? `<br>〔${n.cite.clause}〕“${n.cite.quote}”` : ''}`).join('\n')}\n`;
}

/** Renders the report. */
export function renderReport(d: ReportInput): string {
  const p = d.policy;
  const id = typeof p.id === 'string' ? p.id : '（未定 undetermined）';
  const rows = citedRows(p);
  const parts: string[] = [];
  parts.push(`# 草稿审核报告 Draft review report: ${id}\n`);
  parts.push(
    d.valid
      ? '状态：**草稿有效**（通过校验与审计，引文均已核对）。请逐项核对后再使用。<br>Status: **valid draft** (validated, audited, every quote verified). Tick every row before use.\n'
      : '状态：**草稿无效**：见下文“未写明”与“校验”。请补全后再用 `check --policy` 检查。<br>Status: **invalid draft**: see "not stated" and "validation" below; complete it, then check it with `check --policy`.\n',
  );
  parts.push('## 逐项核对 Values to tick\n');
  parts.push('| ✓ | 字段 field | 值 value | 条款 clause | 原文 quote |\n|---|---|---|---|---|');
  for (const r of rows) parts.push(`| ☐ | ${cell(r.path)} | ${cell(r.value)} | ${cell(r.clause)} | ${cell(r.quote)} |`);
  parts.push('');
  parts.push(notes('未写明 Not stated', d.notStated));
  parts.push(notes('推断（非原文直接写明）Inferences', d.inferences));
  parts.push(notes('两种读法，均未采用 Two readings, neither picked', d.ambiguities));
  parts.push(notes('未写入草稿，待审核人处理 Left to the reviewer', d.unrepresentable));
  parts.push(
    `## 政策记录的未写明与推断 What the policy records as not stated or inferred (policyGaps)\n\n${
      d.gaps.length ? d.gaps.map((g) => `- [${g.kind}] ${g.path}：${g.zh}<br>${g.en}`).join('\n') : d.valid ? '无 None.' : '草稿无效，未列出。The draft is not valid: not listed.'
    }\n`,
  );
  parts.push(
    `## check --notice\n\n${
      d.check.ok
        ? `通过：${d.check.quotesChecked} 处引文均在通知中。Passes: all ${d.check.quotesChecked} quotes occur in the notice.`
        : d.check.problems.map((i) => `- [${i.code}] ${formatPath(i.path) || '(root)'}：${i.zh}<br>${i.en}`).join('\n')
    }\n`,
  );
  parts.push(
    `## 校验与审计 Validation and audit\n\n${
      d.issues.length ? d.issues.map((i) => `- [${i.code}] ${formatPath(i.path) || '(root)'}：${i.zh}<br>${i.en}`).join('\n') : '无问题 No problems.'
    }\n`,
  );
  parts.push(
    `## 引文核对 Quote check\n\n${
      d.quoteProblems.length
        ? d.quoteProblems.map((q) => `- ${q.path}：${q.zh} / ${q.en}：“${q.quote}”`).join('\n')
        : `全部 ${rows.length} 处引文均出现在通知中（忽略空白）。All ${rows.length} quotes occur in the notice (white space ignored).`
    }\n`,
  );
  return parts.join('\n');
}
