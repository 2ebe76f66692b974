/**
 * Excel custom functions (Office add-in), namespace YIBAO: =YIBAO.INDIVIDUAL(…).
 * functions.json is generated from these JSDoc comments by
 * custom-functions-metadata. Errors become CustomFunctions.Error values with
 * the message; amounts come back as numbers.
 */
import { safeDefinePolicy } from '../policy.js';
import * as S from './functions.js';

// A policy given as JSON text is validated and audited as definePolicy does.
S.setPolicyDefiner(safeDefinePolicy);

declare const CustomFunctions: {
  associate(id: string, f: (...args: never[]) => unknown): void;
  Error: new (code: string, message?: string) => unknown;
  ErrorCode: { invalidValue: string; notAvailable: string };
};

function excel(out: S.Out | S.Out[][]): unknown {
  const err = (e: S.SheetError) =>
    new CustomFunctions.Error(e.code === 'unspecified' || e.code === 'outside_window' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue, e.message.slice(0, 255));
  if (out instanceof S.SheetError) throw err(out);
  if (Array.isArray(out)) return out.map((row) => row.map((c) => (c instanceof S.SheetError ? err(c) : c)));
  return out;
}

/**
 * 个人缴费 — what the person pays in the end, in yuan.
 * @customfunction INDIVIDUAL
 * @param county 县：岢岚县、岢岚、kelan 或 140929
 * @param year 待遇年度, e.g. 2022
 * @param [categories] 类别：低保对象 …（多个用 、 分隔）
 * @param [paidOn] 缴费日期
 * @param [policy] 自定义政策：JSON 文本所在的单元格或区域（可选）/ your policy as JSON text, a cell or a range
 * @returns 个人缴费（元）
 */
export function individual(county: any, year: any, categories?: any, paidOn?: any, policy?: any[][]): any {
  return excel(S.YIBAO_INDIVIDUAL(county, year, categories, paidOn, policy));
}

/**
 * 资助 — the public subsidy, in yuan.
 * @customfunction SUBSIDY
 * @param county 县
 * @param year 待遇年度
 * @param [categories] 类别
 * @param [paidOn] 缴费日期
 * @param [policy] 自定义政策：JSON 文本所在的单元格或区域（可选）/ your policy as JSON text, a cell or a range
 * @returns 资助（元）
 */
export function subsidy(county: any, year: any, categories?: any, paidOn?: any, policy?: any[][]): any {
  return excel(S.YIBAO_SUBSIDY(county, year, categories, paidOn, policy));
}

/**
 * 缴费时应缴 — what is collected when paying, in yuan.
 * @customfunction DUE
 * @param county 县
 * @param year 待遇年度
 * @param [categories] 类别
 * @param [paidOn] 缴费日期
 * @param [policy] 自定义政策：JSON 文本所在的单元格或区域（可选）/ your policy as JSON text, a cell or a range
 * @returns 缴费时应缴（元）
 */
export function due(county: any, year: any, categories?: any, paidOn?: any, policy?: any[][]): any {
  return excel(S.YIBAO_DUE(county, year, categories, paidOn, policy));
}

/**
 * 事后补退 — what is paid back later, in yuan.
 * @customfunction REIMBURSED
 * @param county 县
 * @param year 待遇年度
 * @param [categories] 类别
 * @param [paidOn] 缴费日期
 * @param [policy] 自定义政策：JSON 文本所在的单元格或区域（可选）/ your policy as JSON text, a cell or a range
 * @returns 事后补退（元）
 */
export function reimbursed(county: any, year: any, categories?: any, paidOn?: any, policy?: any[][]): any {
  return excel(S.YIBAO_REIMBURSED(county, year, categories, paidOn, policy));
}

/**
 * 资金来源 — who funds the subsidy.
 * @customfunction FUNDERS
 * @param county 县
 * @param year 待遇年度
 * @param [categories] 类别
 * @param [paidOn] 缴费日期
 * @param [lang] zh 或 en
 * @param [policy] 自定义政策：JSON 文本所在的单元格或区域（可选）/ your policy as JSON text, a cell or a range
 * @returns 资金来源
 */
export function funders(county: any, year: any, categories?: any, paidOn?: any, lang?: any, policy?: any[][]): any {
  return excel(S.YIBAO_FUNDERS(county, year, categories, paidOn, lang, policy));
}

/**
 * 资助方式 — how the subsidy reaches the contribution.
 * @customfunction MECHANISM
 * @param county 县
 * @param year 待遇年度
 * @param [categories] 类别
 * @param [paidOn] 缴费日期
 * @param [lang] zh 或 en
 * @param [policy] 自定义政策：JSON 文本所在的单元格或区域（可选）/ your policy as JSON text, a cell or a range
 * @returns 资助方式
 */
export function mechanism(county: any, year: any, categories?: any, paidOn?: any, lang?: any, policy?: any[][]): any {
  return excel(S.YIBAO_MECHANISM(county, year, categories, paidOn, lang, policy));
}

/**
 * 是否在征缴期内 — whether payment is accepted on that date.
 * @customfunction WINDOW_OPEN
 * @param county 县
 * @param year 待遇年度
 * @param paidOn 缴费日期
 * @param [birthDate] 出生日期（新生儿）
 * @param [policy] 自定义政策：JSON 文本所在的单元格或区域（可选）/ your policy as JSON text, a cell or a range
 * @returns TRUE 或 FALSE
 */
export function windowOpen(county: any, year: any, paidOn: any, birthDate?: any, policy?: any[][]): any {
  return excel(S.YIBAO_WINDOW_OPEN(county, year, paidOn, birthDate, policy));
}

/**
 * 待遇享受期 — start and end of the coverage the payment buys.
 * @customfunction COVERAGE
 * @param county 县
 * @param year 待遇年度
 * @param [paidOn] 缴费日期
 * @param [birthDate] 出生日期（新生儿）
 * @param [policy] 自定义政策：JSON 文本所在的单元格或区域（可选）/ your policy as JSON text, a cell or a range
 * @returns 开始、结束
 */
export function coverage(county: any, year: any, paidOn?: any, birthDate?: any, policy?: any[][]): any[][] {
  return excel(S.YIBAO_COVERAGE(county, year, paidOn, birthDate, policy)) as any[][];
}

/**
 * 依据 — the explanation, each step with its clause.
 * @customfunction EXPLAIN
 * @param county 县
 * @param year 待遇年度
 * @param [categories] 类别
 * @param [paidOn] 缴费日期
 * @param [lang] zh 或 en
 * @param [policy] 自定义政策：JSON 文本所在的单元格或区域（可选）/ your policy as JSON text, a cell or a range
 * @returns 依据
 */
export function explain(county: any, year: any, categories?: any, paidOn?: any, lang?: any, policy?: any[][]): any {
  return excel(S.YIBAO_EXPLAIN(county, year, categories, paidOn, lang, policy));
}

/**
 * 花名册 — a whole block in one call: rows of county, year, categories, payment date [, birth date].
 * @customfunction ROSTER
 * @param block 花名册区域（县、待遇年度、类别、缴费日期[、出生日期]）
 * @param [lang] zh 或 en
 * @param [policy] 自定义政策：JSON 文本所在的单元格或区域（可选）/ your policy as JSON text, a cell or a range
 * @returns 缴费标准、个人缴费、资助、缴费时应缴、事后补退、资助方式、资金来源、适用类别、在征缴期内、待遇开始、待遇结束、状态、说明
 */
export function roster(block: any[][], lang?: any, policy?: any[][]): any[][] {
  return excel(S.YIBAO_ROSTER(block, lang, policy)) as any[][];
}

if (typeof CustomFunctions !== 'undefined') {
  CustomFunctions.associate('INDIVIDUAL', individual);
  CustomFunctions.associate('SUBSIDY', subsidy);
  CustomFunctions.associate('DUE', due);
  CustomFunctions.associate('REIMBURSED', reimbursed);
  CustomFunctions.associate('FUNDERS', funders);
  CustomFunctions.associate('MECHANISM', mechanism);
  CustomFunctions.associate('WINDOW_OPEN', windowOpen);
  CustomFunctions.associate('COVERAGE', coverage);
  CustomFunctions.associate('EXPLAIN', explain);
  CustomFunctions.associate('ROSTER', roster);
}
