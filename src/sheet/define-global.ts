/**
 * YibaoDefine.gs: installs `safeDefinePolicy` (with zod) into the global build
 * loaded before it, so that the spreadsheet functions accept a policy as JSON
 * text. Google Sheets: add it as a third script file after YibaoRules.gs.
 * @module
 */
import { safeDefinePolicy } from '../policy.js';
import type { PolicyDefiner } from './policy-text.js';

declare const YibaoRules: { sheet: { setPolicyDefiner(f: PolicyDefiner): void } } | undefined;

if (typeof YibaoRules === 'undefined') throw new Error('YibaoDefine: load YibaoRules (yibao-rules.global.js) first');
YibaoRules.sheet.setPolicyDefiner(safeDefinePolicy);
