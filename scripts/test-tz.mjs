// Runs the unit suite once per time zone: results must not depend on the host's TZ.
import { spawnSync } from 'node:child_process';
const zones = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'];
for (const tz of zones) {
  console.log(`\n=== TZ=${tz} ===`);
  const r = spawnSync('npx', ['vitest', 'run', 'test/unit/'], { stdio: 'inherit', env: { ...process.env, TZ: tz } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
