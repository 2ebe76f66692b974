/**
 * Assembles the spreadsheet packages in dist/ after tsup:
 *   dist/google-apps-script/{Code.gs, YibaoRules.gs, YibaoDefine.gs (only for policies given as JSON)}
 *   dist/excel/{functions.js, functions.json (custom-functions-metadata), functions.html, manifest.xml}
 *   dist/wps/{functions.js, functions.json, main.js, manifest.xml}
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (p: string) => `${root}${p}`;
for (const d of ['dist/google-apps-script', 'dist/excel', 'dist/wps']) mkdirSync(at(d), { recursive: true });

copyFileSync(at('sheets/google-apps-script/Code.gs'), at('dist/google-apps-script/Code.gs'));
copyFileSync(at('dist/yibao-rules.global.js'), at('dist/google-apps-script/YibaoRules.gs'));
copyFileSync(at('dist/yibao-rules.define.global.js'), at('dist/google-apps-script/YibaoDefine.gs'));

execFileSync(process.execPath, [at('node_modules/custom-functions-metadata/lib/cli.js'), 'generate', at('src/sheet/excel.ts'), at('dist/excel/functions.json')], { stdio: 'inherit' });
const meta = JSON.parse(readFileSync(at('dist/excel/functions.json'), 'utf8')) as { functions: unknown[] };
if (meta.functions.length < 10) throw new Error('functions.json lacks functions');
copyFileSync(at('sheets/excel/manifest.xml'), at('dist/excel/manifest.xml'));
copyFileSync(at('sheets/excel/functions.html'), at('dist/excel/functions.html'));

for (const f of ['manifest.xml', 'main.js']) copyFileSync(at(`sheets/wps/${f}`), at(`dist/wps/${f}`));
copyFileSync(at('dist/excel/functions.js'), at('dist/wps/functions.js'));
copyFileSync(at('dist/excel/functions.json'), at('dist/wps/functions.json'));
console.log('dist/google-apps-script, dist/excel, dist/wps');
