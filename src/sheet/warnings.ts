/**
 * `quote`'s warnings in short Chinese, for a spreadsheet's 提示 column, where
 * the full sentences (with the notice's quotations) do not fit. The full text
 * stays in `quote().warnings` and in YIBAO_EXPLAIN.
 *
 * @module
 */
import type { QuoteWarning } from '../engine.js';

/** Short Chinese text of each warning code. */
export const SHORT_WARNINGS: Readonly<Record<string, string>> = {
  'outside-window': '不在征缴期内，通知未规定待遇期',
  'highest-single': '多重身份，就高不叠加',
  tie: '两类资助额相同，通知未定适用哪项',
  'unspecified-might-give-more': '另有类别资助未明确，可能更高',
  'silent-category': '通知未提及某类别，按无资助',
  'precondition-assumed': '资助前提为假定，请核实',
  'depends-on-payment-date': '未填缴费日期，退补视缴费日期而定',
  'no-funder-named': '通知未写明资金来源',
  'rounding-assumed': '按比例金额已取整（通知未规定）',
  'standard-inferred': '缴费标准为推断，请核实',
  'standard-not-stated': '通知未规定缴费标准',
  'coverage-inferred': '待遇期为推断，请核实',
  'coverage-not-stated': '通知未规定待遇期',
  'mechanism-not-stated': '通知未写明资助方式',
  'mechanism-hedged': '资助方式通知写“一般”如此，个别可能不同',
  'mechanism-inferred': '资助方式为推断，请核实',
  'either-funder': '资金来源为二者之一，通知未定',
  'no-subsidy-stated': '通知提及某类别但未规定资助，按无资助',
  'may-be-covered': '通知的开放条款可能涵盖某类别，资助未明确',
  'group-deadline-passed': '晚于通知为该人群规定的日期',
  'inferred-cutoff': '“已缴费”截止日期为推断',
  'window-not-stated': '通知未规定征缴期，能否享受待遇无法判断',
  'window-inferred': '征缴期为推断，请核实',
  'no-refund-outside-window': '不在征缴期内，不能承诺退补',
  'newborn-refused': '新生儿逾期参保，通知规定不予办理',
  'newborn-deferred': '新生儿参保期限通知未规定',
  'broader-name': '所填类别名称比通知用语宽，按通知所指人群计算',
};

/** Separator between short warnings in one cell. */
export const WARNING_SEPARATOR = '；';

/**
 * The warnings of a quote as one short Chinese line; an unknown code gives its
 * own Chinese text.
 *
 * @example
 * ```ts
 * shortWarnings([{ code: 'outside-window', zh: '…', en: '…' }]) // '不在征缴期内，通知未规定待遇期'
 * ```
 */
export function shortWarnings(ws: readonly QuoteWarning[]): string {
  return [...new Set(ws.map((w) => SHORT_WARNINGS[w.code] ?? w.zh))].join(WARNING_SEPARATOR);
}
