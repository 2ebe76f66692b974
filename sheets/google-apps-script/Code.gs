/**
 * yibao-rules for Google Sheets (Apps Script custom functions).
 *
 * Install: 扩展程序 Extensions → Apps Script; add two script files:
 *   YibaoRules.gs  — the library (dist/google-apps-script/YibaoRules.gs of the npm package)
 *   Code.gs        — this file
 * Save, then type =YIBAO_INDIVIDUAL("岢岚县", 2022, "低保对象") in a cell.
 *
 * A policy of your own: add the third file YibaoDefine.gs (dist/google-apps-script/YibaoDefine.gs)
 * and pass the cell (or range) holding its JSON as the last argument.
 *
 * Date cells arrive as Date objects; they are read in the spreadsheet's own
 * time zone, so a date never shifts by a day.
 */

function civil_(v) {
  if (v instanceof Date) return Utilities.formatDate(v, SpreadsheetApp.getActive().getSpreadsheetTimeZone(), 'yyyy-MM-dd');
  if (Array.isArray(v)) return v.map(civil_);
  return v;
}

/**
 * 个人缴费：居民最终承担的金额（元）。What the person pays in the end, in yuan.
 * @param {string} county 县：岢岚县、岢岚、kelan 或 140929
 * @param {number} year 待遇年度 coverage year
 * @param {string} categories 类别，多个用、分隔 (optional)
 * @param {Date} paidOn 缴费日期 payment date (optional)
 * @param {string} policy 自定义政策：JSON 文本所在的单元格或区域（可选，需 YibaoDefine.gs）/ your policy as JSON text (optional)
 * @return {number} 个人缴费
 * @customfunction
 */
function YIBAO_INDIVIDUAL(county, year, categories, paidOn, policy) {
  return YibaoRules.toGoogle(YibaoRules.sheet.YIBAO_INDIVIDUAL(county, year, categories, civil_(paidOn), policy));
}

/**
 * 资助（元）。The public subsidy, in yuan.
 * @param {string} county 县
 * @param {number} year 待遇年度
 * @param {string} categories 类别 (optional)
 * @param {Date} paidOn 缴费日期 (optional)
 * @param {string} policy 自定义政策：JSON 文本所在的单元格或区域（可选，需 YibaoDefine.gs）/ your policy as JSON text (optional)
 * @return {number} 资助
 * @customfunction
 */
function YIBAO_SUBSIDY(county, year, categories, paidOn, policy) {
  return YibaoRules.toGoogle(YibaoRules.sheet.YIBAO_SUBSIDY(county, year, categories, civil_(paidOn), policy));
}

/**
 * 缴费时应缴（元）。What is collected when paying, in yuan.
 * @param {string} county 县
 * @param {number} year 待遇年度
 * @param {string} categories 类别 (optional)
 * @param {Date} paidOn 缴费日期 (optional)
 * @param {string} policy 自定义政策：JSON 文本所在的单元格或区域（可选，需 YibaoDefine.gs）/ your policy as JSON text (optional)
 * @return {number} 缴费时应缴
 * @customfunction
 */
function YIBAO_DUE(county, year, categories, paidOn, policy) {
  return YibaoRules.toGoogle(YibaoRules.sheet.YIBAO_DUE(county, year, categories, civil_(paidOn), policy));
}

/**
 * 事后补退（元）。What is paid back later, in yuan.
 * @param {string} county 县
 * @param {number} year 待遇年度
 * @param {string} categories 类别 (optional)
 * @param {Date} paidOn 缴费日期 (optional)
 * @param {string} policy 自定义政策：JSON 文本所在的单元格或区域（可选，需 YibaoDefine.gs）/ your policy as JSON text (optional)
 * @return {number} 事后补退
 * @customfunction
 */
function YIBAO_REIMBURSED(county, year, categories, paidOn, policy) {
  return YibaoRules.toGoogle(YibaoRules.sheet.YIBAO_REIMBURSED(county, year, categories, civil_(paidOn), policy));
}

/**
 * 资金来源。Who funds the subsidy.
 * @param {string} county 县
 * @param {number} year 待遇年度
 * @param {string} categories 类别 (optional)
 * @param {Date} paidOn 缴费日期 (optional)
 * @param {string} lang zh 或 en (optional)
 * @param {string} policy 自定义政策：JSON 文本所在的单元格或区域（可选，需 YibaoDefine.gs）/ your policy as JSON text (optional)
 * @return {string} 资金来源
 * @customfunction
 */
function YIBAO_FUNDERS(county, year, categories, paidOn, lang, policy) {
  return YibaoRules.toGoogle(YibaoRules.sheet.YIBAO_FUNDERS(county, year, categories, civil_(paidOn), lang, policy));
}

/**
 * 资助方式。How the subsidy reaches the contribution.
 * @param {string} county 县
 * @param {number} year 待遇年度
 * @param {string} categories 类别 (optional)
 * @param {Date} paidOn 缴费日期 (optional)
 * @param {string} lang zh 或 en (optional)
 * @param {string} policy 自定义政策：JSON 文本所在的单元格或区域（可选，需 YibaoDefine.gs）/ your policy as JSON text (optional)
 * @return {string} 资助方式
 * @customfunction
 */
function YIBAO_MECHANISM(county, year, categories, paidOn, lang, policy) {
  return YibaoRules.toGoogle(YibaoRules.sheet.YIBAO_MECHANISM(county, year, categories, civil_(paidOn), lang, policy));
}

/**
 * 缴费日期是否在征缴期内。Whether payment is accepted on that date.
 * @param {string} county 县
 * @param {number} year 待遇年度
 * @param {Date} paidOn 缴费日期
 * @param {Date} birthDate 出生日期，新生儿适用 (optional)
 * @param {string} policy 自定义政策：JSON 文本所在的单元格或区域（可选，需 YibaoDefine.gs）/ your policy as JSON text (optional)
 * @return {boolean} 是否可缴费
 * @customfunction
 */
function YIBAO_WINDOW_OPEN(county, year, paidOn, birthDate, policy) {
  return YibaoRules.toGoogle(YibaoRules.sheet.YIBAO_WINDOW_OPEN(county, year, civil_(paidOn), civil_(birthDate), policy));
}

/**
 * 待遇享受期：开始、结束（两格）。Coverage start and end (two cells).
 * @param {string} county 县
 * @param {number} year 待遇年度
 * @param {Date} paidOn 缴费日期 (optional)
 * @param {Date} birthDate 出生日期 (optional)
 * @param {string} policy 自定义政策：JSON 文本所在的单元格或区域（可选，需 YibaoDefine.gs）/ your policy as JSON text (optional)
 * @return 开始、结束
 * @customfunction
 */
function YIBAO_COVERAGE(county, year, paidOn, birthDate, policy) {
  return YibaoRules.toGoogle(YibaoRules.sheet.YIBAO_COVERAGE(county, year, civil_(paidOn), civil_(birthDate), policy));
}

/**
 * 依据：每一步及其条款。The explanation, each step with its clause.
 * @param {string} county 县
 * @param {number} year 待遇年度
 * @param {string} categories 类别 (optional)
 * @param {Date} paidOn 缴费日期 (optional)
 * @param {string} lang zh 或 en (optional)
 * @param {string} policy 自定义政策：JSON 文本所在的单元格或区域（可选，需 YibaoDefine.gs）/ your policy as JSON text (optional)
 * @return {string} 依据
 * @customfunction
 */
function YIBAO_EXPLAIN(county, year, categories, paidOn, lang, policy) {
  return YibaoRules.toGoogle(YibaoRules.sheet.YIBAO_EXPLAIN(county, year, categories, civil_(paidOn), lang, policy));
}

/**
 * 花名册：一次计算整块区域。A whole roster block in one call.
 * 每行：县、待遇年度、类别、缴费日期[、出生日期]。Each row: county, year, categories, payment date [, birth date].
 * @param {Array<Array<string>>} block 花名册区域
 * @param {string} lang zh 或 en (optional)
 * @param {string} policy 自定义政策：JSON 文本所在的单元格或区域（可选，需 YibaoDefine.gs）/ your policy as JSON text (optional)
 * @return 缴费标准、个人缴费、资助、缴费时应缴、事后补退、资助方式、资金来源、适用类别、在征缴期内、待遇开始、待遇结束、状态、说明
 * @customfunction
 */
function YIBAO_ROSTER(block, lang, policy) {
  return YibaoRules.toGoogle(YibaoRules.sheet.YIBAO_ROSTER(civil_(block), lang, policy));
}
