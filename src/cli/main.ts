/**
 * The `yibao-rules` command: quote, policies, policy, roster (and workbook).
 * Exit codes: 0 all good, 1 failure, 2 done but some rows had errors.
 */
import { parseArgs } from 'node:util';
import { basename, extname } from 'node:path';
import { YibaoError } from '../errors.js';
import { quote } from '../quote.js';
import { BUILTIN_POLICIES } from '../registry.js';
import { categoryName, funderNames, MECHANISM_NAMES } from '../vocabulary.js';
import { categoryTable, policiesList, policyDetail } from './policies.js';
import { splitCategories } from '../input-text.js';
import { formatSummary, RosterFileError, runRoster } from './roster.js';
import { t, type Lang } from './text.js';

const HELP: Record<string, string> = {
  main: `yibao-rules — 城乡居民基本医疗保险缴费计算 / resident medical insurance contributions

用法 Usage:
  yibao-rules quote --county 岢岚 --year 2022 [--category 低保对象]... [--paid-on 2021-12-01] [--birth-date …] [--json] [--lang zh|en]
  yibao-rules policies [--table] [--lang zh|en]
  yibao-rules policy <县 county> <年度 year> [--json] [--lang zh|en]
  yibao-rules roster <花名册 file.csv|.xlsx> [--out 结果.csv|.xlsx|.json] [--county …] [--year …] [--json] [--lang zh|en]
  yibao-rules workbook --county 岢岚 --year 2022 [--out 岢岚-2022.xlsx] [--no-examples]
  yibao-rules serve [--host 127.0.0.1] [--port 8080] [--policy FILE]... [--token-file FILE] [--cors ORIGIN]

每个命令都有 --help。Each command has --help.
退出码 Exit codes: 0 成功 success · 1 失败 failure · 2 完成但部分行有错误 done, some rows had errors`,
  quote: `yibao-rules quote — 计算一位居民的缴费与资助 / quote one resident

  --county <县>        县名、简称、拼音或代码：岢岚县、岢岚、kelan、140929 (required)
  --year <年度>        待遇年度 coverage year, e.g. 2022 (required)
  --category <类别>    身份类别，可重复或用 、,;/ 分隔；缺省为普通城乡居民
                       category code or Chinese name; repeatable; default: ordinary resident
  --paid-on <日期>     缴费日期 payment date YYYY-MM-DD
  --birth-date <日期>  出生日期 birth date YYYY-MM-DD (newborn rules)
  --json               输出 JSON / print JSON
  --lang zh|en         输出语言 / language of the output (default zh)

例 Example: yibao-rules quote --county 岢岚 --year 2022 --category 低保对象 --paid-on 2021-12-01`,
  policies: `yibao-rules policies — 内置政策列表 / the built-in policies

  --table        每项政策的类别表（个人缴费、资助、资金来源、资助方式）/ each policy's category table
  --json         输出 JSON / print JSON
  --lang zh|en   输出语言 / language`,
  policy: `yibao-rules policy <县 county> <年度 year> — 一项政策及其出处 / one policy with its citations

  --json         完整数据（每项数值附条款和原文）/ all data, every value with its clause and quote
  --lang zh|en   输出语言 / language`,
  roster: `yibao-rules roster <file> — 批量计算花名册 / compute a roster

  输入 Input: CSV（UTF-8，可带 BOM；或 GB18030/GBK，中文 Excel 默认）或 XLSX。
  表头可用中文或英文 Header names in Chinese or English:
    姓名 name · 身份证号 id · 县 county · 待遇年度 year · 类别 categories（、,;/ 分隔）· 缴费日期 paidOn · 出生日期 birthDate
  --out <file>     输出文件，格式按扩展名 .csv/.xlsx/.json（缺省：<输入名>.yibao.csv）
                   output; format from the extension (default: <input>.yibao.csv)
  --county <县>    表中无“县”列时使用 / county for rows without one
  --year <年度>    表中无“待遇年度”列时使用 / coverage year for rows without one
  --json           汇总以 JSON 输出 / print the summary as JSON
  --lang zh|en     输出语言 / language (default zh)

  检查 Checks: 身份证号校验位与出生日期（GB 11643）、同一身份证号重复（两行都标记）。
  输出的行数始终等于输入的行数。Output always has as many rows as the input.`,
  workbook: `yibao-rules workbook — 生成自动计算的 Excel 工作簿 / write a self-calculating workbook

  --county <县>     县 (required)
  --year <年度>     待遇年度 (required)
  --out <file>      输出 .xlsx（缺省：<县>-<年度>.xlsx）/ output file
  --no-examples     不写示例行 / without example rows

  工作簿只用普通公式（无加载项、无宏），可在 Excel、WPS、LibreOffice、Google 表格离线使用。
  Plain formulas only (no add-in, no macro): works offline in any spreadsheet program.`,
};

function lang(v: unknown): Lang {
  return v === 'en' ? 'en' : 'zh';
}

function print(s: string) {
  process.stdout.write(`${s}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    print(HELP.main!);
    return cmd ? 0 : 1;
  }
  if (cmd === '--version' || cmd === '-v') {
    print(String(process.env.npm_package_version ?? '0.1.0'));
    return 0;
  }
  const common = { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' }, lang: { type: 'string' } } as const;
  switch (cmd) {
    case 'quote': {
      const { values } = parseArgs({
        args: rest,
        options: { ...common, county: { type: 'string' }, year: { type: 'string' }, category: { type: 'string', multiple: true }, 'paid-on': { type: 'string' }, 'birth-date': { type: 'string' } },
      });
      if (values.help) return print(HELP.quote!), 0;
      const L = lang(values.lang);
      if (!values.county || !values.year) throw new UsageError('缺少 --county 或 --year', 'missing --county or --year', 'quote');
      if (!/^\d{4}$/.test(values.year)) throw new UsageError(`年度须为四位数字：${values.year}`, `the year must be four digits: ${values.year}`, 'quote');
      const categories = (values.category ?? []).flatMap(splitCategories);
      const q = quote({ county: values.county, coverageYear: Number(values.year), categories, paidOn: values['paid-on'], birthDate: values['birth-date'] });
      if (values.json) return print(JSON.stringify(q, null, 2)), 0;
      const rows: Array<[string, string]> = [
        [t(L, '政策', 'policy'), q.policyId],
        [t(L, '状态', 'status'), q.status === 'determined' ? t(L, '已确定', 'determined') : t(L, '通知未明确', 'unspecified')],
        [t(L, '缴费标准', 'standard'), q.standard],
        [t(L, '个人缴费', 'individual'), q.individual ?? '—'],
        [t(L, '资助', 'subsidy'), q.subsidy ?? '—'],
        [t(L, '缴费时应缴', 'due at payment'), q.dueAtPayment ?? '—'],
        [t(L, '事后补退', 'reimbursed later'), q.reimbursedLater ?? '—'],
        [t(L, '资助方式', 'mechanism'), q.mechanism ? MECHANISM_NAMES[q.mechanism][L] : '—'],
        [t(L, '资金来源', 'funders'), funderNames(q.funders, L, ' + ') || '—'],
        [t(L, '适用类别', 'applied category'), q.appliedCategory ? categoryName(q.appliedCategory, L) : '—'],
        ...(q.window ? [[t(L, '征缴期', 'window'), `${q.window.open ? t(L, '可缴费', 'open') : t(L, '不可缴费', 'closed')} (${q.window.reason})${q.window.nextPayableOn ? ` → ${q.window.nextPayableOn}` : ''}`] as [string, string]] : []),
        [t(L, '待遇享受期', 'coverage'), q.coverage ? `${q.coverage.start} – ${q.coverage.end}` : '—'],
      ];
      print(rows.map(([k, v]) => `${k}: ${v}`).join('\n'));
      print(`\n${t(L, '依据', 'explanation')}:`);
      q.explain.forEach((s, i) => print(`  ${i + 1}. ${s[L]}${s.cite ? `  〔${s.cite.clause}〕` : ''}`));
      if (q.notApplied.length) print(`\n${t(L, '未适用', 'not applied')}:\n${q.notApplied.map((n) => `  - ${categoryName(n.category, L)}: ${n[L]}`).join('\n')}`);
      if (q.warnings.length) print(`\n${t(L, '提示', 'warnings')}:\n${q.warnings.map((w) => `  ! ${w[L]}`).join('\n')}`);
      return 0;
    }
    case 'policies': {
      const { values } = parseArgs({ args: rest, options: { ...common, table: { type: 'boolean' } } });
      if (values.help) return print(HELP.policies!), 0;
      const L = lang(values.lang);
      if (values.json) return print(JSON.stringify(BUILTIN_POLICIES.map((p) => ({ id: p.id, county: p.county, coverageYear: p.coverageYear.year, collectionYear: p.collectionYear.year, document: p.document.number })), null, 2)), 0;
      print(policiesList(L));
      if (values.table) for (const p of BUILTIN_POLICIES) print(`\n${categoryTable(p, L)}`);
      return 0;
    }
    case 'policy': {
      const { values, positionals } = parseArgs({ args: rest, options: common, allowPositionals: true });
      if (values.help) return print(HELP.policy!), 0;
      const [county, year] = positionals;
      if (!county || !year || !/^\d{4}$/.test(year)) throw new UsageError('用法：yibao-rules policy <县> <年度>', 'usage: yibao-rules policy <county> <year>', 'policy');
      print(policyDetail(county, Number(year), Boolean(values.json), lang(values.lang)));
      return 0;
    }
    case 'roster': {
      const { values, positionals } = parseArgs({ args: rest, options: { ...common, out: { type: 'string' }, county: { type: 'string' }, year: { type: 'string' } }, allowPositionals: true });
      if (values.help) return print(HELP.roster!), 0;
      const L = lang(values.lang);
      const input = positionals[0];
      if (!input) throw new UsageError('缺少花名册文件', 'missing the roster file', 'roster');
      if (values.year !== undefined && !/^\d{4}$/.test(values.year)) throw new UsageError(`年度须为四位数字：${values.year}`, `the year must be four digits: ${values.year}`, 'roster');
      const out = values.out ?? `${basename(input, extname(input))}.yibao.csv`;
      const summary = await runRoster({
        input, out, county: values.county, year: values.year === undefined ? undefined : Number(values.year), lang: L,
        progress: Boolean(process.stderr.isTTY) && !values.json,
      });
      print(values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary, L));
      return summary.errors ? 2 : 0;
    }
    case 'workbook': {
      const { values } = parseArgs({ args: rest, options: { ...common, county: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, 'no-examples': { type: 'boolean' } } });
      if (values.help) return print(HELP.workbook!), 0;
      if (!values.county || !values.year || !/^\d{4}$/.test(values.year)) throw new UsageError('缺少 --county 或 --year', 'missing --county or --year', 'workbook');
      const out = values.out ?? `${values.county}-${values.year}.xlsx`;
      const { buildWorkbook } = await import('./workbook.js');
      const r = await buildWorkbook({ county: values.county, year: Number(values.year), out, examples: !values['no-examples'] });
      print(t(lang(values.lang), `已生成 ${out}（${r.policyId}，示例 ${r.rows} 行）`, `wrote ${out} (${r.policyId}, ${r.rows} example rows)`));
      return 0;
    }
    case 'serve': {
      const { serveCommand } = await import('../serve/index.js');
      return serveCommand(rest);
    }
    default:
      throw new UsageError(`未知命令：${cmd}`, `unknown command: ${cmd}`, 'main');
  }
}

class UsageError extends Error {
  constructor(readonly zh: string, readonly en: string, readonly command: string) {
    super(en);
  }
}

// A closed pipe (yibao-rules … | head) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof YibaoError) process.stderr.write(`错误 error [${e.code}] ${e.zh}\n${e.en}\n`);
    else if (e instanceof RosterFileError) process.stderr.write(`错误 error: ${e.zh}\n${e.en}\n`);
    else if (e instanceof UsageError) process.stderr.write(`错误 error: ${e.zh} / ${e.en}\n\n${HELP[e.command] ?? HELP.main}\n`);
    else if (e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) process.stderr.write(`错误 error: ${e.message}\n\n${HELP.main}\n`);
    else if (e instanceof Error && 'code' in e && (e as { code: unknown }).code === 'ENOENT') process.stderr.write(`错误 error: 找不到文件 file not found: ${(e as { path?: string }).path}\n`);
    else process.stderr.write(`错误 error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
