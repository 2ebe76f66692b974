/**
 * `yibao-rules serve`: parses the options, loads the policies, listens, and
 * drains on SIGTERM/SIGINT (exit code 0 once every request in flight is
 * answered). Loaded by the CLI only when `serve` is asked for.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { tokenCheckFromFile } from './auth.js';
import { Logger } from './log.js';
import { loadPolicies } from './policies.js';
import { createService, DEFAULT_LIMITS, type ServiceLimits } from './server.js';

export { createService, DEFAULT_LIMITS, type Service, type ServiceOptions, type ServiceLimits } from './server.js';
export { loadPolicies, type LoadedPolicies } from './policies.js';
export { openApiDocument } from './openapi.js';
export { tokenCheck } from './auth.js';
export { Logger } from './log.js';

export const SERVE_HELP = `yibao-rules serve — HTTP 服务（OpenAPI 3.1：GET /openapi.json）/ the HTTP service

  --host <addr>            监听地址 address to bind (default 127.0.0.1)
  --port <n>               端口 port (default 8080; 0: any free port)
  --policy <file.json>     加载政策文件，覆盖同县同年度的内置政策；可重复
                           load a policy file (overrides the built-in one of the same county and year); repeatable
  --token-file <file>      要求 Authorization: Bearer <令牌>（文件首行）/ require this bearer token (first line of the file)
  --cors <origin>          允许该来源跨域访问；可重复（缺省无 CORS）/ allow this CORS origin; repeatable (default: none)
  --max-body <bytes>       JSON 请求体上限 (default ${DEFAULT_LIMITS.maxBody})
  --max-items <n>          JSON 批量项数上限 (default ${DEFAULT_LIMITS.maxItems})
  --max-upload <bytes>     花名册上传上限 (default ${DEFAULT_LIMITS.maxUpload})
  --request-timeout <ms>   接收整个请求的时限 (default ${DEFAULT_LIMITS.requestTimeout})
  --drain-timeout <ms>     SIGTERM 后等待进行中请求的时限 (default 30000)
  --no-access-log          不写访问日志（错误仍写）/ no access log lines (errors still logged)

日志 Logs: 每个请求一行 JSON（stderr），不含请求体与身份证号。One JSON line a request on stderr; never bodies or ID numbers.
例 Example: yibao-rules serve --port 8080
  curl -s localhost:8080/v1/quote -H 'content-type: application/json' -d '{"county":"岢岚","coverageYear":2022,"categories":["低保对象"]}'`;

const int = (v: string | undefined, name: string): number | undefined => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new Error(`--${name} 须为整数 / must be a whole number: ${v}`);
  return Number(v);
};

/** Runs the service until SIGTERM or SIGINT; resolves with the exit code. */
export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      help: { type: 'boolean', short: 'h' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8080' },
      policy: { type: 'string', multiple: true },
      'token-file': { type: 'string' },
      cors: { type: 'string', multiple: true },
      'max-body': { type: 'string' },
      'max-items': { type: 'string' },
      'max-upload': { type: 'string' },
      'request-timeout': { type: 'string' },
      'drain-timeout': { type: 'string' },
      'no-access-log': { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${SERVE_HELP}\n`);
    return 0;
  }
  const port = int(values.port, 'port')!;
  const limits: Partial<ServiceLimits> = {};
  const set = (k: keyof ServiceLimits, v: number | undefined) => v !== undefined && (limits[k] = v);
  set('maxBody', int(values['max-body'], 'max-body'));
  set('maxItems', int(values['max-items'], 'max-items'));
  set('maxUpload', int(values['max-upload'], 'max-upload'));
  set('requestTimeout', int(values['request-timeout'], 'request-timeout'));
  const drainMs = int(values['drain-timeout'], 'drain-timeout') ?? 30_000;
  const logger = new Logger(undefined, !values['no-access-log']);
  const policies = loadPolicies(values.policy ?? []);
  for (const n of policies.notes) logger.log('info', 'policy-replaced', { zh: n.zh, en: n.en });
  const token = values['token-file'] ? tokenCheckFromFile(values['token-file']) : undefined;
  const service = createService({ policies, limits, token, cors: values.cors ?? [], logger });
  const { server } = service;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, values.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  const where = typeof addr === 'object' && addr ? `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}` : String(addr);
  logger.log('info', 'listening', { url: where, policies: policies.count, token: Boolean(token), cors: values.cors ?? [] });
  logger.flush();
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      logger.log('info', 'draining', { signal });
      process.off('SIGTERM', onTerm);
      process.off('SIGINT', onInt);
      void service.drain(drainMs).then((clean) => {
        logger.log('info', clean ? 'stopped' : 'stopped-after-timeout', {});
        logger.flush();
        resolve(clean ? 0 : 1);
      });
    };
    const onTerm = () => stop('SIGTERM');
    const onInt = () => stop('SIGINT');
    process.on('SIGTERM', onTerm);
    process.on('SIGINT', onInt);
  });
}
