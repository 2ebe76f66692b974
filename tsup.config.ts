import { defineConfig, type Options } from 'tsup';

/** Script builds for spreadsheets: one IIFE file, ES2017, no Node APIs, everything bundled. */
const browser: Options = {
  format: ['iife'],
  platform: 'browser',
  target: 'es2017',
  noExternal: [/.*/],
  minify: true,
  outExtension: () => ({ js: '.js' }),
};

export default defineConfig([
  {
    // The library: ESM + CommonJS + type declarations. `index` loads no schema library; `define` (definePolicy, zod) is its own entry;
    // `yibao-rules/draft` is its own entry, with its text tools (opencc-js, pinyin-pro, @vant/area-data: devDependencies)
    // bundled in, so `quote` users install none of them.
    entry: { index: 'src/index.ts', define: 'src/define.ts', draft: 'src/draft/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    // Maps give positions in src/, without copying its text (comments there may point at repository files).
    esbuildOptions: (o) => {
      o.sourcesContent = false;
    },
    clean: true,
  },
  {
    // The command line: one ESM file; exceljs is loaded only when an XLSX file is read or written.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
    esbuildOptions: (o) => {
      o.sourcesContent = false;
    },
  },
  // The global build for spreadsheets and pages without modules: one global, YibaoRules.
  { ...browser, entry: { 'yibao-rules.global': 'src/global.ts' }, globalName: 'YibaoRules' },
  // Excel custom functions: the sheet layer bundled with CustomFunctions.associate calls, and zod
  // to validate a policy given as JSON text (ES2020: zod has BigInt literals).
  { ...browser, target: 'es2020', entry: { 'excel/functions': 'src/sheet/excel.ts' } },
  // Google Sheets: YibaoDefine.gs, the policy validator (zod) for the global build, loaded after it.
  { ...browser, target: 'es2020', entry: { 'yibao-rules.define.global': 'src/sheet/define-global.ts' } },
]);
