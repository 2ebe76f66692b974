/**
 * The `yibao-rules` command: quote, policies, policy, roster (and workbook).
 * Exit codes: 0 all good, 1 failure, 2 done but some rows had errors.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { basename, extname } from 'node:path';
import { formatPath, YibaoError } from '../errors.js';
import { quote } from '../quote.js';
import { categoryName, funderNames, MECHANISM_NAMES } from '../vocabulary.js';
import { categoryTable, policiesList, policyDetail } from './policies.js';
import { builtinRegistry, type PolicyRegistry } from '../registry.js';
import { normaliseDateText, splitCategories } from '../input-text.js';
import { ENCODINGS, formatSummary, RosterFileError, runRoster, type RosterEncoding } from './roster.js';
import { t, type Lang } from './text.js';

const HELP: Record<string, string> = {
  main: `yibao-rules — 城乡居民基本医疗保险缴费计算 / resident medical insurance contributions

用法 Usage:
  yibao-rules quote --county 岢岚 --year 2022 [--category 低保对象]... [--paid-on 2021-12-01] [--birth-date …] [--json] [--lang zh|en]
  yibao-rules policies [--table] [--lang zh|en]
  yibao-rules policy <县 county> <年度 year> [--json] [--lang zh|en]
  yibao-rules roster <花名册 file.csv|.xlsx> [--out 结果.csv|.xlsx|.json] [--county …] [--year …] [--json] [--lang zh|en]
  yibao-rules workbook --county 岢岚 --year 2022 [--out 岢岚-2022.xlsx] [--no-examples] [--policy FILE]...
  yibao-rules draft <通知 NOTICE.txt> [--out draft.json] [--report draft.md]
  yibao-rules check <政策文件 policy.json> [--notice 通知.txt] [--json] [--lang zh|en]
  yibao-rules export sql --dialect duckdb|postgres [--policy FILE]... [--table roster] [--out FILE]
  yibao-rules export table --format csv|parquet [--policy FILE]... [--out DIR]
  yibao-rules serve [--host 127.0.0.1] [--port 8080] [--policy FILE]... [--token-file FILE] [--cors ORIGIN]

  quote、policies、policy、roster、workbook、export、serve 都可加 --policy <文件>（可重复）：本县自己的政策文件（JSON）。
  Those commands take --policy <file> (repeatable): your county's own policy file (JSON).

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
  --policy <文件>      本县政策文件（JSON，可重复）/ a policy file (JSON; repeatable)

例 Example: yibao-rules quote --county 岢岚 --year 2022 --category 低保对象 --paid-on 2021-12-01`,
  policies: `yibao-rules policies — 内置政策列表 / the built-in policies

  --table        每项政策的类别表（个人缴费、资助、资金来源、资助方式）/ each policy's category table
  --json         输出 JSON / print JSON
  --lang zh|en   输出语言 / language`,
  policy: `yibao-rules policy <县 county> <年度 year> — 一项政策及其出处 / one policy with its citations

  --json         完整数据（每项数值附条款和原文）/ all data, every value with its clause and quote
  --lang zh|en   输出语言 / language`,
  roster: `yibao-rules roster <file|-> — 批量计算花名册 / compute a roster

  输入 Input: CSV（UTF-8 可带 BOM、GB18030/GBK、带 BOM 的 UTF-16；逗号或制表符分隔；LF、CRLF 或 CR 换行）或 XLSX；- 为标准输入。
  编码按整个文件判断 The encoding is decided on the whole file.
  表头可用中文或英文 Header names in Chinese or English:
    姓名 name · 身份证号 id · 县 county · 待遇年度 year · 类别 categories（、,;/ 分隔；类别1、类别2… 合为一项）
    · 缴费日期 paidOn · 出生日期 birthDate
  --out <file>          输出 .csv/.xlsx/.json（缺省 <输入名>.yibao.csv；- 为标准输出，汇总改写到标准错误）
                        output; format from the extension (- : standard output, summary on stderr)
  --format csv|json|xlsx  --out - 时的格式 / format for --out -
  --county <县>         表中无“县”列时使用 / county for rows without one
  --year <年度>         表中无“待遇年度”列时使用 / coverage year for rows without one
  --column 字段=列名    指定某列为某字段，可重复，如 --column 身份证号=身份证 / map a column (repeatable)
  --ignore-column 列名  不使用该列，可重复 / leave a column unused (repeatable)
  --header-row N        表头在第 N 行（缺省自动查找标题行下的表头）/ the header's row
  --encoding utf-8|gb18030|utf-16le|utf-16be  不自动判断编码 / override the detection
  --no-id-check         没有身份证号列时使用：不检查身份证号和重复 / no ID column: no ID or duplicate checks
  --category-map <csv>  本地类别名与通知类别的对照表（两列：本地标签,通知类别）/ office labels → policy categories
  --by <列名>           按该列（如 乡镇、村）分组汇总 / a summary table per value of a column
  --targets <csv>       各组的参保目标（两列：名称,目标人数）；缺省用通知附件的乡镇任务表
                        targets per value (name,target); default: the notice's township table
  --raw                 不转义以 = + - @ 开头的单元格 / keep cells that start like formulas
  --policy <文件>       本县政策文件（JSON，可重复）/ a policy file (JSON; repeatable)
  --json                汇总以 JSON 输出 / print the summary as JSON
  --lang zh|en          输出语言 / language (default zh)

  检查 Checks: 身份证号校验位与出生日期（GB 11643）、同一身份证号重复（两行都标记）。
  输出的行数始终等于输入的行数；输出先写临时文件，完成后才替换原文件。
  Output always has as many rows as the input; it replaces an earlier output only once complete.`,
  check: `yibao-rules check <policy.json> — 检查政策文件 / check a policy file

  校验结构、复核通知写明的结果（审计），给出 --notice 时逐条核对引文是否见于通知原文（忽略空白）。
  Validates the file, audits the results the notice states, and with --notice checks that every
  quoted sentence occurs in the notice's text (white space ignored). Prints the category table.
  --notice <通知.txt>  通知原文 / the notice's text
  --json               输出 JSON / print JSON
  --lang zh|en         输出语言 / language
  退出码 Exit: 0 全部通过 all pass · 1 有问题（逐条列出）problems, each listed`,
  workbook: `yibao-rules workbook — 生成自动计算的 Excel 工作簿 / write a self-calculating workbook

  --county <县>     县 (required)
  --year <年度>     待遇年度 (required)
  --out <file>      输出 .xlsx（缺省：<县>-<年度>.xlsx）/ output file
  --no-examples     不写示例行 / without example rows
  --policy <文件>   本县的政策文件（可重复）/ a county's own policy file (repeatable)

  工作簿只用普通公式（无加载项、无宏），可在 Excel、WPS、LibreOffice、Google 表格离线使用。
  Plain formulas only (no add-in, no macro): works offline in any spreadsheet program.`,
  export: `yibao-rules export — 把政策导出为数据库可用的决策表 / the policies for databases

  yibao-rules export sql --dialect duckdb|postgres [--policy FILE]... [--table roster] [--out FILE]
    一个普通 SQL 脚本：建决策表并插入数据，再建视图 yibao_quoted（花名册表的每一行加上计算列）。
    One plain SQL script: the decision tables with their rows, and the view yibao_quoted over the roster table.
    花名册表须先存在 The roster table must exist first: county TEXT, coverage_year INTEGER, categories TEXT,
    paid_on DATE, birth_date DATE（其他列原样带出 other columns pass through）。
  yibao-rules export table --format csv|parquet [--policy FILE]... [--out DIR]
    每张表一个文件 one file per table（缺省目录 default directory: yibao-tables）。
    Parquet 需要另行安装 needs @duckdb/node-api installed beside yibao-rules.

  --policy <file>   政策 JSON 文件，可重复；缺省为内置政策 / policy JSON files; default: the built-ins
  --table <name>    花名册表名 roster table (default roster)
  --out <file|dir>  输出；export sql 缺省写到标准输出 / output; export sql prints the script without it`,
  draft: `yibao-rules draft <通知 NOTICE.txt> — 由通知文本起草政策 / draft a policy from a notice's text

  --out <file>      草稿 JSON（缺省：<通知名>.draft.json）/ the draft (default: <notice>.draft.json)
  --report <file>   审核报告 Markdown（缺省：<通知名>.draft.md）/ the reviewer's report
  --lang zh|en      输出语言 / language

  离线、确定：同一文本总是得到同一草稿。每项数值附条款和原文；未写明的列为“未写明”。
  Offline and deterministic. Every value cited; what the notice does not state is listed as such.
  退出码 Exit: 0 草稿有效 valid draft · 1 草稿无效（仍写出草稿与报告）invalid (draft and report still written)`,
};

function lang(v: unknown): Lang {
  return v === 'en' ? 'en' : 'zh';
}

function print(s: string) {
  process.stdout.write(`${s}\n`);
}

/** The version in this package's own package.json (dist/cli.js → ../package.json; src/cli/main.ts → ../../package.json). */
function ownVersion(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'yibao-rules' && pkg.version) return pkg.version;
    } catch {
      // not this one
    }
  }
  throw new Error('package.json of yibao-rules not found');
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    print(HELP.main!);
    return cmd ? 0 : 1;
  }
  if (cmd === '--version' || cmd === '-v') {
    print(ownVersion());
    return 0;
  }
  const common = { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' }, lang: { type: 'string' }, policy: { type: 'string', multiple: true } } as const;
  /**
   * The built-ins plus every `--policy FILE`; a replaced built-in is noted on stderr.
   * The policy-file loader (and with it the schema library) is loaded only when a file is given.
   */
  const policies = async (files: readonly string[] | undefined, L: Lang): Promise<PolicyRegistry> => {
    if (!files?.length) return builtinRegistry;
    const { loadPolicyFiles } = await import('./policy-files.js');
    const r = loadPolicyFiles(files);
    for (const n of r.notes) process.stderr.write(`${n[L]}\n`);
    return r.registry;
  };
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
      const registry = await policies(values.policy, L);
      const q = quote({ county: values.county, coverageYear: Number(values.year), categories, paidOn: values['paid-on'] === undefined ? undefined : normaliseDateText(values['paid-on']), birthDate: values['birth-date'] === undefined ? undefined : normaliseDateText(values['birth-date']) }, registry);
      if (values.json) return print(JSON.stringify(q, null, 2)), 0;
      const rows: Array<[string, string]> = [
        [t(L, '政策', 'policy'), q.policyId],
        [t(L, '状态', 'status'), q.status === 'determined' ? t(L, '已确定', 'determined') : t(L, '通知未明确', 'unspecified')],
        [t(L, '缴费标准', 'standard'), q.standard ?? '—'],
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
      const registry = await policies(values.policy, L);
      const all = registry.list().map((s) => registry.get(s.code ?? s.pinyin, s.coverageYear));
      if (values.json) return print(JSON.stringify(all.map((p) => ({ id: p.id, county: p.county, coverageYear: p.coverageYear.year, collectionYear: p.collectionYear?.year ?? null, document: p.document.number ?? null })), null, 2)), 0;
      print(policiesList(L, registry));
      if (values.table) for (const p of all) print(`\n${categoryTable(p, L, registry)}`);
      return 0;
    }
    case 'policy': {
      const { values, positionals } = parseArgs({ args: rest, options: common, allowPositionals: true });
      if (values.help) return print(HELP.policy!), 0;
      const [county, year] = positionals;
      if (!county || !year || !/^\d{4}$/.test(year)) throw new UsageError('用法：yibao-rules policy <县> <年度>', 'usage: yibao-rules policy <county> <year>', 'policy');
      print(policyDetail(county, Number(year), Boolean(values.json), lang(values.lang), await policies(values.policy, lang(values.lang))));
      return 0;
    }
    case 'roster': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: {
          ...common, out: { type: 'string' }, county: { type: 'string' }, year: { type: 'string' }, format: { type: 'string' }, encoding: { type: 'string' },
          'header-row': { type: 'string' }, column: { type: 'string', multiple: true }, 'ignore-column': { type: 'string', multiple: true }, 'no-id-check': { type: 'boolean' },
          'category-map': { type: 'string' }, raw: { type: 'boolean' }, by: { type: 'string' }, targets: { type: 'string' },
        },
        allowPositionals: true,
      });
      if (values.help) return print(HELP.roster!), 0;
      const L = lang(values.lang);
      const input = positionals[0];
      if (!input) throw new UsageError('缺少花名册文件（或 - 表示标准输入）', 'missing the roster file (or - for standard input)', 'roster');
      if (values.year !== undefined && !/^\d{4}$/.test(values.year)) throw new UsageError(`年度须为四位数字：${values.year}`, `the year must be four digits: ${values.year}`, 'roster');
      if (values['header-row'] !== undefined && !/^[1-9]\d{0,3}$/.test(values['header-row'])) throw new UsageError(`--header-row 须为正整数：${values['header-row']}`, `--header-row takes a positive number: ${values['header-row']}`, 'roster');
      const encoding = values.encoding?.toLowerCase().replace(/^utf8$/, 'utf-8').replace(/^gbk$/, 'gb18030');
      if (encoding !== undefined && !(ENCODINGS as readonly string[]).includes(encoding)) throw new UsageError(`--encoding 须为 ${ENCODINGS.join('、')}：${values.encoding}`, `--encoding takes ${ENCODINGS.join(', ')}: ${values.encoding}`, 'roster');
      const out = values.out ?? (input === '-' ? '-' : `${basename(input, extname(input))}.yibao.csv`);
      const summary = await runRoster({
        input, out, format: values.format, county: values.county, year: values.year === undefined ? undefined : Number(values.year), lang: L,
        encoding: encoding as RosterEncoding | undefined, headerRow: values['header-row'] === undefined ? undefined : Number(values['header-row']),
        columns: values.column, ignore: values['ignore-column'], noIdCheck: values['no-id-check'], categoryMap: values['category-map'], raw: values.raw, by: values.by, targets: values.targets,
        progress: Boolean(process.stderr.isTTY) && !values.json && out !== '-',
        registry: await policies(values.policy, L),
      });
      // With the output on standard output, the summary goes to standard error.
      const text = `${values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary, L)}\n`;
      if (out === '-') process.stderr.write(text);
      else process.stdout.write(text);
      return summary.errors ? 2 : 0;
    }
    case 'workbook': {
      const { values } = parseArgs({ args: rest, options: { ...common, county: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, 'no-examples': { type: 'boolean' } } });
      if (values.help) return print(HELP.workbook!), 0;
      if (!values.county || !values.year || !/^\d{4}$/.test(values.year)) throw new UsageError('缺少 --county 或 --year', 'missing --county or --year', 'workbook');
      const out = values.out ?? `${values.county}-${values.year}.xlsx`;
      const { buildWorkbook } = await import('./workbook.js');
      const registry = await policies(values.policy, lang(values.lang));
      const r = await buildWorkbook({ county: values.county, year: Number(values.year), out, examples: !values['no-examples'], registry });
      print(t(lang(values.lang), `已生成 ${out}（${r.policyId}，示例 ${r.rows} 行）`, `wrote ${out} (${r.policyId}, ${r.rows} example rows)`));
      return 0;
    }
    case 'serve': {
      const { serveCommand } = await import('../serve/index.js');
      return serveCommand(rest);
    }
    case 'draft': {
      const { values, positionals } = parseArgs({ args: rest, options: { ...common, out: { type: 'string' }, report: { type: 'string' } }, allowPositionals: true });
      if (values.help) return print(HELP.draft!), 0;
      const input = positionals[0];
      if (!input) throw new UsageError('缺少通知文本文件', 'missing the notice text file', 'draft');
      const { runDraft } = await import('./draft.js');
      const r = await runDraft({ input, out: values.out, report: values.report, lang: lang(values.lang) });
      print(r.lines.join('\n'));
      return r.code;
    }
    case 'check': {
      const { values, positionals } = parseArgs({ args: rest, options: { ...common, notice: { type: 'string' } }, allowPositionals: true });
      if (values.help) return print(HELP.check!), 0;
      const file = positionals[0];
      if (!file) throw new UsageError('缺少政策文件', 'missing the policy file', 'check');
      const { checkFile, formatCheck } = await import('./check.js');
      const report = checkFile(file, values.notice);
      print(values.json ? JSON.stringify({ ...report, policy: report.policy?.id ?? null }, null, 2) : formatCheck(report, lang(values.lang)));
      return report.ok ? 0 : 1;
    }
    case 'export': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { ...common, dialect: { type: 'string' }, format: { type: 'string' }, policy: { type: 'string', multiple: true }, table: { type: 'string' }, out: { type: 'string' } },
        allowPositionals: true,
      });
      if (values.help) return print(HELP.export!), 0;
      const L = lang(values.lang);
      const { exportSqlCommand, exportTableCommand } = await import('./export.js');
      const policies = values.policy ?? [];
      if (positionals[0] === 'sql' && (values.dialect === 'duckdb' || values.dialect === 'postgres')) {
        const r = exportSqlCommand({ dialect: values.dialect, policies, table: values.table, out: values.out });
        if (!values.out) process.stdout.write(r.sql);
        else print(t(L, `已生成 ${values.out}（${r.policies.join('、')}）`, `wrote ${values.out} (${r.policies.join(', ')})`));
        return 0;
      }
      if (positionals[0] === 'table' && (values.format === 'csv' || values.format === 'parquet')) {
        const files = await exportTableCommand({ format: values.format, policies, out: values.out ?? 'yibao-tables' });
        print(t(L, `已生成 ${files.join('、')}`, `wrote ${files.join(', ')}`));
        return 0;
      }
      throw new UsageError('用法：export sql --dialect duckdb|postgres，或 export table --format csv|parquet', 'usage: export sql --dialect duckdb|postgres, or export table --format csv|parquet', 'export');
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

let settled = false;
// A command whose work stops without finishing (a promise nothing will ever settle) must never look
// like a success: Node would exit 0 once nothing is left to do.
process.on('beforeExit', () => {
  if (settled) return;
  settled = true;
  process.stderr.write('错误 error: 内部错误：任务未完成就停止了，没有写出结果 / internal error: the job stopped before it finished; nothing was written\n');
  process.exitCode = 1;
});
main(process.argv.slice(2)).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof YibaoError) process.stderr.write(e.issues.map((i) => `错误 error [${i.code}]${i.path.length ? ` @ ${formatPath(i.path)}` : ''} ${i.zh}\n${i.en}\n`).join(''));
    else if (e instanceof RosterFileError) process.stderr.write(`错误 error: ${e.zh}\n${e.en}\n`);
    else if (e instanceof UsageError) process.stderr.write(`错误 error: ${e.zh} / ${e.en}\n\n${HELP[e.command] ?? HELP.main}\n`);
    else if (e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) process.stderr.write(`错误 error: ${e.message}\n\n${HELP.main}\n`);
    else if (e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_MODULE_NOT_FOUND') && /exceljs/.test(e.message))
      // exceljs is an optional peer: the library's users never install it; the CLI needs it for XLSX only.
      process.stderr.write(`错误 error: 读写 XLSX 需要 exceljs / reading or writing XLSX needs exceljs:\n  npx -p yibao-rules -p exceljs yibao-rules ${process.argv.slice(2).join(' ')}\n  (或 or: npm i exceljs)\n`);
    else if (e instanceof Error && 'code' in e && (e as { code: unknown }).code === 'ENOENT') process.stderr.write(`错误 error: 找不到文件 file not found: ${(e as { path?: string }).path}\n`);
    else process.stderr.write(`错误 error: ${e instanceof Error ? e.message : String(e)}\n`);
    settled = true;
    process.exitCode = 1;
  },
);
