/**
 * `quote`: everything a notice decides for one resident, exactly and with its
 * reasons. Input is checked by hand (no schema parse on the hot path); the
 * decision is looked up from the policy's precomputed table.
 *
 * @module
 */
import type { BuiltinCategoryName, BuiltinCounty } from './builtin-names.js';
import { formatCivilDate, parseCivilDate, type CivilDateText } from './civil-date.js';
import { decide, newbornRefused, newbornWindow, type CompiledPolicy, type Quote, type QuoteWarning } from './engine.js';
import { preview, YibaoError, yibaoError, type SafeResult } from './errors.js';
import { builtinRegistry, PolicyRegistry } from './registry.js';
import { unreadableInput } from './snapshot.js';
import { QUOTE_LIMITS } from './limits.js';
import type { WindowResult } from './window.js';
import { windowOn } from './window.js';

/*
 * Design of the input types. `quote(input)` without a registry quotes the five
 * built-in notices, whose county and category names are known when the package
 * is built: its input is {@link BuiltinQuoteInput}, literal unions generated
 * from the built-ins (src/builtin-names.ts), so a misspelt county, category,
 * field or a date in the wrong shape does not compile. With a registry
 * (`quote(input, registry)`) the names are the registry's, known only at run
 * time: the input is the open {@link QuoteInput} (plain strings). Data whose
 * type is `unknown` goes to {@link safeQuoteUnknown}, a separate name, never an
 * overload: an `unknown` overload would accept every typo'd literal too.
 * (`any`, what `JSON.parse` returns, fits every overload.)
 */

/**
 * What `quote(input, registry)` takes: the open input, for a registry of your
 * own policies (whose county and category names are plain strings), or for
 * names typed as `string` quoted against `builtinRegistry`.
 *
 * @example
 * ```ts
 * const input: QuoteInput = { county: row.county, coverageYear: 2022, categories: row.categories };
 * quote(input, builtinRegistry);
 * ```
 */
export interface QuoteInput {
  /** 岢岚县, 岢岚, kelan or 140929. */
  county: string;
  /** 待遇年度: the year the contribution buys. */
  coverageYear: number;
  /** Codes or Chinese names; empty or absent: an ordinary resident. */
  categories?: readonly string[] | null;
  /** Civil date in China, "YYYY-MM-DD". */
  paidOn?: string | null;
  /** Civil date in China, "YYYY-MM-DD", for newborn rules. */
  birthDate?: string | null;
}

/**
 * What `quote(input)` takes without a registry: the built-in policies' names
 * as literal unions. `categories: ['minimum-living-alowance']`,
 * `paidOn: '2021/12/01'` and `coverageYaer` do not compile. Which names a
 * given county's notice uses, and whether a date exists, is checked when the
 * input is read, as ever.
 *
 * An object built beforehand needs its literal types kept: annotate it
 * (`const input: BuiltinQuoteInput = …`), or write `satisfies BuiltinQuoteInput`
 * or `as const`. Names typed `string` go through `quote(input, builtinRegistry)`.
 *
 * @example
 * ```ts
 * const input: BuiltinQuoteInput = { county: '岢岚', coverageYear: 2022, categories: ['低保对象'], paidOn: '2021-12-01' };
 * quote(input).individual // '40.00'
 * ```
 */
export interface BuiltinQuoteInput {
  /** 岢岚县, 岢岚, kelan, Kelan or 140929 (and the other four counties likewise): {@link BuiltinCounty}. */
  county: BuiltinCounty;
  /** 待遇年度: the year the contribution buys. */
  coverageYear: number;
  /** Codes or Chinese names ({@link BuiltinCategoryName}); empty or absent: an ordinary resident. */
  categories?: readonly BuiltinCategoryName[] | null;
  /** Civil date in China, "YYYY-MM-DD" ({@link CivilDateText}). */
  paidOn?: CivilDateText | null;
  /** Civil date in China, "YYYY-MM-DD", for newborn rules. */
  birthDate?: CivilDateText | null;
}

const ALLOWED = new Set(['county', 'coverageYear', 'categories', 'paidOn', 'birthDate']);
const NEWBORN_OPEN: WindowResult = Object.freeze({ open: true, reason: 'newborn-special-window' });
const NEWBORN_REFUSED: WindowResult = Object.freeze({ open: false, reason: 'newborn-refused' });

export { QUOTE_LIMITS };

const hasOwn = Object.hasOwn;
/** Reads an own property only: a value set on `Object.prototype` elsewhere is never an input. */
const own = (o: object, key: string): unknown => (hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined);

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function badType(path: (string | number)[], expectedZh: string, expectedEn: string, v: unknown) {
  return yibaoError('invalid_type', path, `应为${expectedZh}，实际为 ${typeName(v)}`, `expected ${expectedEn}, received ${typeName(v)}`);
}

function tooLong(path: (string | number)[], s: string) {
  const n = QUOTE_LIMITS.text;
  return yibaoError('too_large', path, `文字过长（${s.length} 个字符，上限 ${n}）：${preview(s)}`, `text too long (${s.length} characters, at most ${n}): ${preview(s)}`);
}

function date(o: object, key: 'paidOn' | 'birthDate'): number | undefined | YibaoError {
  const v = own(o, key);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') return badType([key], ' YYYY-MM-DD 日期字符串', 'a YYYY-MM-DD date string', v);
  const d = parseCivilDate(v);
  if (d === undefined) return yibaoError('invalid_date', [key], `不是有效的日期（须为 YYYY-MM-DD）：${preview(v)}`, `not a valid date (YYYY-MM-DD): ${preview(v)}`);
  return d;
}

/** What {@link readInput} read; written only once reading is complete (a getter may call `quote` itself meanwhile). */
const READ = {
  cp: undefined as unknown as CompiledPolicy,
  mask: 0,
  paid: undefined as number | undefined,
  birth: undefined as number | undefined,
  /** Warnings for short forms broader than the notice's name. */
  broad: undefined as QuoteWarning[] | undefined,
};

/**
 * Reads and checks the input: own properties only, bounded. Fills {@link READ}
 * or returns the problem. May throw on a hostile input (a getter, a Proxy trap,
 * a revoked Proxy): {@link quoteOrError} turns that into `unreadable_input`.
 */
function readInput(input: unknown, registry: PolicyRegistry): YibaoError | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return badType([], '对象', 'an object', input);
  const o = input as Record<string, unknown>;
  for (const k in o) if (!ALLOWED.has(k) && hasOwn(o, k)) return yibaoError('unknown_field', [preview(k)], `未知字段：${preview(k)}`, `unknown field: ${preview(k)}`);
  const county = own(o, 'county');
  const year = own(o, 'coverageYear');
  if (county === undefined) return yibaoError('missing_field', ['county'], '缺少字段：county（县）', 'missing field: county');
  if (typeof county !== 'string') return badType(['county'], '字符串', 'a string', county);
  if (county.length > QUOTE_LIMITS.text) return tooLong(['county'], county);
  if (year === undefined) return yibaoError('missing_field', ['coverageYear'], '缺少字段：coverageYear（待遇年度）', 'missing field: coverageYear');
  if (typeof year !== 'number' || !Number.isInteger(year)) return badType(['coverageYear'], '整数年份', 'an integer year', year);
  if (!PolicyRegistry.is(registry)) return yibaoError('invalid_input', [], '第二个参数不是政策登记表（PolicyRegistry）', 'the second argument is not a PolicyRegistry');

  const found = registry.lookup(county, year);
  if (YibaoError.is(found)) return found;
  const cp: CompiledPolicy = found;

  let mask = 0;
  let broad: QuoteWarning[] | undefined;
  const cats = own(o, 'categories');
  if (cats !== undefined && cats !== null) {
    if (!Array.isArray(cats)) return badType(['categories'], '数组', 'an array', cats);
    const n = cats.length; // read once: a Proxy may answer differently each time
    if (!(n <= QUOTE_LIMITS.categories))
      return yibaoError('too_large', ['categories'], `类别过多（${n} 个，上限 ${QUOTE_LIMITS.categories}）`, `too many categories (${n}, at most ${QUOTE_LIMITS.categories})`);
    // Bounds first (each item read once, into a copy), then meaning: a name too long is too_large wherever it stands.
    const names: string[] = [];
    for (let i = 0; i < n; i++) {
      const c = hasOwn(cats, i) ? (cats[i] as unknown) : undefined;
      if (typeof c !== 'string') return badType(['categories', i], '字符串', 'a string', c);
      if (c.length > QUOTE_LIMITS.text) return tooLong(['categories', i], c);
      names.push(c);
    }
    for (let i = 0; i < n; i++) {
      const c = names[i]!;
      const m = cp.aliases.get(c) ?? cp.aliases.get(c.trim());
      if (m === undefined) {
        const amb = cp.ambiguous.get(c) ?? cp.ambiguous.get(c.trim());
        if (amb) return yibaoError('ambiguous_category', ['categories', i], amb.zh, amb.en);
        return yibaoError(
          'unknown_category',
          ['categories', i],
          `未知的类别：${preview(c)}（${cp.policy.county.name}的通知未使用此名称）`,
          `unknown category: ${preview(c)} (not a name ${cp.policy.county.pinyin}'s notice uses)`,
        );
      }
      mask |= m;
      if (cp.broader.size) {
        const w = cp.broader.get(c.trim());
        if (w) (broad ??= []).push(w);
      }
    }
    mask &= ~1; // ordinary is the baseline, not an identity
  }

  const paid = date(o, 'paidOn');
  if (YibaoError.is(paid)) return paid;
  const birth = date(o, 'birthDate');
  if (YibaoError.is(birth)) return birth;
  if (paid !== undefined && birth !== undefined && birth > paid)
    return yibaoError('invalid_input', ['birthDate'], '出生日期晚于缴费日期', 'the birth date is after the payment date');

  READ.cp = cp;
  READ.mask = mask;
  READ.paid = paid;
  READ.birth = birth;
  READ.broad = broad;
  return undefined;
}

/**
 * The same as {@link quote}, but returns the error instead of throwing.
 * `registry` defaults to the built-in policies. Internal (the CLI, the sheet
 * functions and the service use it); users have {@link safeQuoteUnknown}.
 * @internal
 */
export function quoteOrError(input: unknown, registry: PolicyRegistry = builtinRegistry): Quote | YibaoError {
  let problem: YibaoError | undefined;
  try {
    problem = readInput(input, registry);
  } catch (e) {
    return unreadableInput(e);
  }
  if (problem) return problem;
  const { cp, mask, paid, birth, broad } = READ;

  if (paid === undefined) {
    let q = cp.memoNoDate[mask];
    if (!q) {
      const row = cp.memo[0] ?? (cp.memo[0] = []);
      const core = row[mask] ?? (row[mask] = decide(cp, mask, 0));
      q = cp.memoNoDate[mask] = Object.freeze({ ...core, explain: Object.freeze(cp.steps.coverage ? [...core.explain, cp.steps.coverage] : core.explain) });
    }
    return broad ? Object.freeze({ ...q, warnings: Object.freeze([...q.warnings, ...broad]) }) : q;
  }

  // At most MAX_CONDITIONS (30) conditions, checked when the policy is compiled: the bits fit.
  let ctx = 1;
  const conds = cp.conditions;
  for (let i = 0; i < conds.length; i++) {
    const c = conds[i]!;
    if (paid >= c[0] && paid <= c[1]) ctx |= 2 << i;
  }
  const row = cp.memo[ctx] ?? (cp.memo[ctx] = []);
  const core = row[mask] ?? (row[mask] = decide(cp, mask, ctx));

  const window = windowOn(cp.window, paid);
  if (birth === undefined && broad === undefined && !(window.reason === 'after-end' && cp.extensions.length)) {
    // The finished quote depends on nothing else: one frozen result per decision and window result, made once.
    const byMask = cp.finals[ctx] ?? (cp.finals[ctx] = []);
    const byWindow = byMask[mask] ?? (byMask[mask] = new Map());
    let q = byWindow.get(window);
    if (!q) byWindow.set(window, (q = finish(cp, core, mask, paid, undefined, undefined, window)));
    return q;
  }
  return finish(cp, core, mask, paid, birth, broad, window);
}

/** A dated quote from its memoised decision: the window, the coverage, their steps and warnings. Frozen with its arrays. */
function finish(cp: CompiledPolicy, core: Quote, mask: number, paid: number, birth: number | undefined, broad: QuoteWarning[] | undefined, found: WindowResult): Quote {
  let window = found;
  let coverage: Quote['coverage'] = cp.coverage;
  let windowStep = cp.steps.window[window.reason];
  let coverageStep = cp.steps.coverage;
  let reimbursedLater = core.reimbursedLater;
  const warnings: QuoteWarning[] = [...core.warnings];
  if (window.open === null) warnings.push(cp.steps.windowNotStated);
  else if (cp.steps.windowInferred) warnings.push(cp.steps.windowInferred);
  // An inferred window is still the window: a date outside it is outside (with the warning above).
  if (window.open === false) {
    let ext: CompiledPolicy['extensions'][number] | undefined;
    if (window.reason === 'after-end') for (const e of cp.extensions) if (e.mask & mask && paid <= e.until) ext = e;
    if (ext) {
      window = ext.result;
      windowStep = ext.step;
    } else if (birth !== undefined && newbornWindow(cp, paid, birth)) {
      const nb = cp.newborn!;
      window = NEWBORN_OPEN;
      windowStep = cp.steps.window['newborn-special-window'];
      const end = cp.coverage?.end ?? `${cp.policy.coverageYear.year}-12-31`;
      coverage = Object.freeze({ start: formatCivilDate(paid), end });
      coverageStep = Object.freeze({ step: 'coverage', cite: nb.cite, zh: `新生儿参保后享受当年度待遇：${coverage.start} 至 ${end}`, en: `a newborn is covered for the current year once enrolled: ${coverage.start} to ${end}` });
    } else if (birth !== undefined && newbornRefused(cp, paid, birth)) {
      window = NEWBORN_REFUSED;
      windowStep = cp.steps.window['newborn-refused'];
      coverage = null;
      warnings.push(Object.freeze({ code: 'newborn-refused', zh: `新生儿出生已超过 ${cp.newborn!.months} 个月，逾期不予办理（${cp.newborn!.cite.clause}）`, en: `more than ${cp.newborn!.months} months after birth: the notice refuses the enrolment (${cp.newborn!.cite.clause})` }));
    } else {
      coverage = null;
      warnings.push(cp.steps.outsideWindow);
      if (birth !== undefined && cp.newborn && cp.newborn.months === undefined)
        warnings.push(Object.freeze({ code: 'newborn-deferred', zh: `新生儿参保按规定办理（${cp.newborn.cite.clause}“${cp.newborn.cite.quote}”），通知未规定期限`, en: `newborns enrol "as provided" (${cp.newborn.cite.clause}); the notice states no period for them` }));
    }
    if (!window.open && core.mechanism === 'refund-after-window' && core.reimbursedLater !== '0.00') {
      warnings.push(cp.steps.noRefund);
      reimbursedLater = null;
      coverageStep = undefined; // not covered: no coverage step
    }
  }
  if (broad) warnings.push(...broad);
  return Object.freeze({
    ...core,
    reimbursedLater,
    window,
    coverage,
    explain: Object.freeze(coverage && coverageStep ? [...core.explain, windowStep, coverageStep] : [...core.explain, windowStep]),
    warnings: Object.freeze(warnings),
  });
}

/**
 * Everything the notice decides for one resident: what the person pays, what
 * subsidy covers the rest, who funds it and how, whether the payment date is
 * inside the window, which coverage period it buys, and why — each step with
 * its clause. Throws a {@link YibaoError} for any malformed input.
 *
 * Without a registry the input is {@link BuiltinQuoteInput}: the built-in
 * names as literal types, so typos do not compile. With a registry (your own
 * policies, or `builtinRegistry` for names typed `string`) it is the open
 * {@link QuoteInput}. Data of type `unknown`: {@link safeQuoteUnknown}.
 *
 * Dates (`paidOn`, `birthDate`) are strict ISO "YYYY-MM-DD" (what offices
 * write, 2021/12/1 or 2021年12月1日, is read by the CLI and the roster job).
 *
 * @example
 * ```ts
 * const q = quote({ county: '岢岚县', coverageYear: 2022, categories: ['低保对象'], paidOn: '2021-12-01' });
 * q.individual  // '40.00'
 * q.subsidy     // '280.00'
 * q.funders     // ['medical-assistance-fund']
 * q.window      // { open: true, reason: 'open' }
 * q.coverage    // { start: '2022-01-01', end: '2022-12-31' }
 * ```
 */
export function quote(input: BuiltinQuoteInput): Quote;
/**
 * Quotes against a registry of your own policies (`createRegistry`), or
 * against `builtinRegistry` for names typed `string`.
 *
 * @example
 * ```ts
 * const registry = createRegistry([...BUILTIN_POLICIES, mine]);
 * quote({ county: '示例', coverageYear: 2026, categories: ['低保对象'] }, registry).individual // '80.00'
 * ```
 */
export function quote(input: QuoteInput, registry: PolicyRegistry): Quote;
export function quote(input: QuoteInput, registry: PolicyRegistry = builtinRegistry): Quote {
  return quoteStrings(input, registry);
}

/**
 * {@link quote} with the open input type and the registry optional, for the
 * adapters (CLI, sheets, service) that read names as strings. Not exported
 * from the package's entry.
 * @internal
 */
export function quoteStrings(input: QuoteInput, registry: PolicyRegistry = builtinRegistry): Quote {
  const r = quoteOrError(input, registry);
  if (YibaoError.is(r)) throw r;
  return r;
}

/**
 * As {@link quote}, but returns `{ success: true, data }` or
 * `{ success: false, error }` instead of throwing. Typed as `quote` is: the
 * built-in names without a registry, plain strings with one; for data of type
 * `unknown`, {@link safeQuoteUnknown}.
 *
 * @example
 * ```ts
 * const r = safeQuote({ county: '岢岚', coverageYear: 2030 });
 * if (!r.success) console.log(r.error.code, r.error.path) // no_policy_for_year [ 'coverageYear' ]
 * ```
 */
export function safeQuote(input: BuiltinQuoteInput): SafeResult<Quote>;
/**
 * As {@link quote} with a registry, returning the error instead of throwing it.
 *
 * @example
 * ```ts
 * const r = safeQuote({ county: row.county, coverageYear: 2022 }, registry);
 * ```
 */
export function safeQuote(input: QuoteInput, registry: PolicyRegistry): SafeResult<Quote>;
export function safeQuote(input: QuoteInput, registry: PolicyRegistry = builtinRegistry): SafeResult<Quote> {
  return safeQuoteUnknown(input, registry);
}

/**
 * Quotes data whose type is `unknown` — a request body, a message, a file —
 * as zod's `safeParse(data: unknown)` does: every field is checked when it is
 * read, and the answer is `{ success: true, data }` or
 * `{ success: false, error }`, never a throw. A separate name, so that
 * {@link quote} and {@link safeQuote} keep rejecting typos at compile time.
 * `registry` defaults to the built-in policies.
 *
 * @example
 * ```ts
 * const body: unknown = await request.json();
 * const r = safeQuoteUnknown(body);
 * if (!r.success) console.log(r.error.code, r.error.path) // e.g. invalid_type [ 'coverageYear' ]
 * ```
 */
export function safeQuoteUnknown(data: unknown, registry: PolicyRegistry = builtinRegistry): SafeResult<Quote> {
  const r = quoteOrError(data, registry);
  return YibaoError.is(r) ? { success: false, error: r } : { success: true, data: r };
}
