/**
 * `yibao-rules draft NOTICE.txt [--out draft.json] [--report draft.md]`:
 * drafts a policy from a notice's text and writes the draft and the
 * reviewer's report. Loaded only when the command is used.
 *
 * Exit 0 when the draft is valid (validated, audited, quotes verified); 1 when
 * it is not (the incomplete draft and the report are written all the same,
 * for the reviewer to complete). Files are written to a temporary file and
 * renamed: a failure leaves the old file.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { draftPolicy } from '../draft/index.js';
import { t, type Lang } from './text.js';

/** Writes a file atomically: a temporary file beside it, then a rename. */
async function writeAtomic(path: string, data: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data, 'utf8');
  await rename(tmp, path);
}

export interface DraftCommand {
  input: string;
  out?: string;
  report?: string;
  lang: Lang;
}

/** Runs the command; returns the exit code and the lines to print. */
export async function runDraft(o: DraftCommand): Promise<{ code: number; lines: string[] }> {
  const text = await readFile(o.input, 'utf8');
  const d = draftPolicy(text);
  const stem = basename(o.input, extname(o.input));
  const out = o.out ?? `${stem}.draft.json`;
  const report = o.report ?? `${stem}.draft.md`;
  await writeAtomic(out, `${JSON.stringify(d.policy, null, 2)}\n`);
  await writeAtomic(report, d.report);
  const L = o.lang;
  const lines = [
    d.valid
      ? t(L, `草稿有效：${out}（${String(d.policy.id)}）`, `valid draft: ${out} (${String(d.policy.id)})`)
      : t(L, `草稿无效（需补全）：${out}`, `invalid draft (to be completed): ${out}`),
    t(L, `审核报告：${report}`, `review report: ${report}`),
    t(
      L,
      `未写明 ${d.notStated.length} 项 · 推断 ${d.inferences.length} 项 · 两种读法 ${d.ambiguities.length} 项 · 待审核人处理 ${d.unrepresentable.length} 项 · 校验问题 ${d.issues.length} 项`,
      `not stated ${d.notStated.length} · inferences ${d.inferences.length} · two readings ${d.ambiguities.length} · left to the reviewer ${d.unrepresentable.length} · validation issues ${d.issues.length}`,
    ),
    ...d.notStated.map((n) => `  - ${L === 'zh' ? n.zh : n.en}`),
    ...(d.gaps.length ? [t(L, '政策记录的未写明与推断（policyGaps）：', 'what the policy records as not stated or inferred (policyGaps):'), ...d.gaps.map((g) => `  - [${g.kind}] ${g.path}: ${L === 'zh' ? g.zh : g.en}`)] : []),
    d.check.ok
      ? t(L, `check --notice：通过（${d.check.quotesChecked} 处引文）`, `check --notice: passes (${d.check.quotesChecked} quotes)`)
      : t(L, `check --notice：${d.check.problems.length} 个问题`, `check --notice: ${d.check.problems.length} problems`),
  ];
  return { code: d.valid ? 0 : 1, lines };
}
