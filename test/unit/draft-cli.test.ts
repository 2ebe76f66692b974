/** `yibao-rules draft`: the files it writes and its exit code. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDraft } from '../../src/cli/draft.js';
import { definePolicy } from '../../src/policy.js';
import { NOTICES_DIR } from '../helpers.js';

describe('yibao-rules draft', () => {
  it('writes a valid draft and its report, exit 0; the draft loads with definePolicy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yibao-draft-'));
    const out = join(dir, 'd.json');
    const report = join(dir, 'd.md');
    const r = await runDraft({ input: `${NOTICES_DIR}qinshui-2025.txt`, out, report, lang: 'en' });
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(/valid draft: .*d\.json \(qinshui-2025\)/);
    const p = definePolicy(JSON.parse(readFileSync(out, 'utf8')));
    expect(p.standard?.amount).toBe('400.00');
    expect(readFileSync(report, 'utf8')).toMatch(/^# 草稿审核报告 Draft review report: qinshui-2025/);
    expect(readdirSync(dir).sort()).toEqual(['d.json', 'd.md']); // no temporary file left
  });

  it('a notice without coverage dates: a valid draft that infers them; the report lists policyGaps and check --notice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yibao-draft-'));
    const out = join(dir, 'l.json');
    const report = join(dir, 'l.md');
    const r = await runDraft({ input: `${NOTICES_DIR}lingchuan-2023.txt`, out, report, lang: 'en' });
    expect(r.code).toBe(0);
    expect(r.lines.join('\n')).toMatch(/\[inferred\] coverage: the coverage period is inferred/);
    expect(r.lines.join('\n')).toMatch(/check --notice: passes \(\d+ quotes\)/);
    const md = readFileSync(report, 'utf8');
    expect(md).toMatch(/policyGaps\)\n\n(.|\n)*\[not-stated\] proofOfPayment/);
    expect(md).toMatch(/## check --notice\n\n通过/);
  });

  it('an incomplete draft: exit 1, the draft and the report are still written, what is missing is printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yibao-draft-'));
    const notice = join(dir, 'v.txt');
    writeFileSync(notice, readFileSync(`${NOTICES_DIR}extra/xiejiachacun-2023.txt`, 'utf8'));
    const out = join(dir, 'v.json');
    const report = join(dir, 'v.md');
    const r = await runDraft({ input: notice, out, report, lang: 'zh' });
    expect(r.code).toBe(1);
    expect(r.lines.join('\n')).toMatch(/通知未写明：县名/);
    expect(r.lines.join('\n')).toMatch(/check --notice：\d+ 个问题/);
    expect(existsSync(out) && existsSync(report)).toBe(true);
    expect(readFileSync(report, 'utf8')).toMatch(/## 未写明 Not stated\n\n- \*\*county\*\*/);
  });

  it('a file that cannot be read fails before anything is written; the old output stays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yibao-draft-'));
    const out = join(dir, 'keep.json');
    writeFileSync(out, '{"old":true}');
    await expect(runDraft({ input: join(dir, 'missing.txt'), out, lang: 'zh' })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readFileSync(out, 'utf8')).toBe('{"old":true}');
  });
});
