/**
 * The HTTP service on node:http: routing, limits, token, CORS, access logs,
 * readiness and draining. A thin adapter: every answer comes from the core
 * (`quoteOrError`, the registry, the roster job).
 *
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { YibaoError } from '../errors.js';
import { unauthorized, type TokenCheck } from './auth.js';
import { errorJson, HttpError, statusOf } from './errors.js';
import { Logger } from './log.js';
import { openApiDocument } from './openapi.js';
import { openApi30 } from './openapi30.js';
import type { LoadedPolicies } from './policies.js';
import { handleQuote, handleQuotes, quoteContext, sendJson, type QuoteLimits } from './quotes.js';
import { handleRoster } from './roster.js';

/** Limits of requests and connections. All sizes in bytes, times in milliseconds. */
export interface ServiceLimits extends QuoteLimits {
  /** Bytes of a roster upload. */
  maxUpload: number;
  /** Time to receive a whole request (server.requestTimeout). */
  requestTimeout: number;
  /** Time to receive the headers (server.headersTimeout). */
  headersTimeout: number;
  /** Idle time of a kept-alive connection. */
  keepAliveTimeout: number;
  /** Headers per request (server.maxHeadersCount). */
  maxHeadersCount: number;
  /** Bytes of all headers (maxHeaderSize). */
  maxHeaderSize: number;
  /** Requests per kept-alive connection (server.maxRequestsPerSocket). */
  maxRequestsPerSocket: number;
  /** Open connections (server.maxConnections). */
  maxConnections: number;
}

/** The defaults: small bodies, short waits, for an internal network. */
export const DEFAULT_LIMITS: ServiceLimits = {
  maxBody: 1 << 20,
  maxItems: 10_000,
  maxLine: 64 << 10,
  maxUpload: 256 << 20,
  requestTimeout: 120_000,
  headersTimeout: 10_000,
  keepAliveTimeout: 5_000,
  maxHeadersCount: 64,
  maxHeaderSize: 16 << 10,
  maxRequestsPerSocket: 10_000,
  maxConnections: 1_024,
};

/** How to run the service. */
export interface ServiceOptions {
  policies: LoadedPolicies;
  limits?: Partial<ServiceLimits>;
  /** Required bearer token's checker; none: no token. */
  token?: TokenCheck;
  /** Origins allowed by CORS; none: no CORS headers at all. */
  cors?: readonly string[];
  logger?: Logger;
}

/** A running service. */
export interface Service {
  readonly server: Server;
  readonly logger: Logger;
  /** Stops accepting, lets requests in flight finish, resolves when all connections are closed (false after `timeoutMs`, when the rest were cut). */
  drain(timeoutMs?: number): Promise<boolean>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, query: () => URLSearchParams) => void | Promise<void>;

const NOT_FOUND = () => new HttpError(404, 'not_found', '没有这个地址', 'no such path');

/** Creates the service (not yet listening). */
export function createService(opts: ServiceOptions): Service {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const logger = opts.logger ?? new Logger();
  const { registry, byId } = opts.policies;
  const qctx = quoteContext(registry, limits);
  let ready = true;
  let draining = false;
  let openapi: string | undefined;
  let openapi30: string | undefined;
  const document = () => openApiDocument({ registry, token: Boolean(opts.token), limits });
  const json = (body: unknown): Handler => (_req, res) => sendJson(res, 200, JSON.stringify(body));
  const policyList = JSON.stringify(registry.list());

  const routes: Record<string, Record<string, Handler>> = {
    '/healthz': { GET: json({ status: 'ok' }) },
    '/readyz': {
      GET: (_req, res) => {
        if (!ready) throw new HttpError(503, 'not_ready', '服务正在停止', 'the service is shutting down');
        sendJson(res, 200, JSON.stringify({ status: 'ready', policies: opts.policies.count }));
      },
    },
    '/openapi.json': { GET: (_req, res) => sendJson(res, 200, (openapi ??= JSON.stringify(document()))) },
    '/openapi-3.0.json': { GET: (_req, res) => sendJson(res, 200, (openapi30 ??= JSON.stringify(openApi30(document())))) },
    '/v1/quote': { POST: (req, res) => handleQuote(req, res, qctx) },
    '/v1/quotes': { POST: (req, res) => handleQuotes(req, res, qctx, 'full') },
    '/v1/quotes/compact': { POST: (req, res) => handleQuotes(req, res, qctx, 'compact') },
    '/v1/roster': { POST: (req, res, q) => handleRoster(req, res, q(), limits.maxUpload, registry) },
    '/v1/policies': { GET: (_req, res) => sendJson(res, 200, policyList) },
  };
  const policyRoute: Record<string, Handler> = {
    GET: (req, res) => {
      const id = decodeURIComponent(req.url!.split('?')[0]!.slice('/v1/policies/'.length));
      const p = byId(id);
      if (!p) throw new HttpError(404, 'unknown_policy', `没有这项政策：${id}`, `no such policy: ${id}`, ['id']);
      sendJson(res, 200, JSON.stringify(p));
    },
  };

  const cors = opts.cors && opts.cors.length ? new Set(opts.cors) : undefined;
  function corsHeaders(req: IncomingMessage, res: ServerResponse) {
    const origin = req.headers.origin;
    if (!cors || !origin || !cors.has(origin)) return false;
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'Origin');
    return true;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, path: string) {
    const query = () => {
      const q = req.url!.indexOf('?');
      return new URLSearchParams(q < 0 ? '' : req.url!.slice(q + 1));
    };
    const route = routes[path] ?? (path.startsWith('/v1/policies/') && path.length > 13 && !path.includes('/', 13) ? policyRoute : undefined);
    if (!route) throw NOT_FOUND();
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS' && corsHeaders(req, res)) {
      res.writeHead(204, {
        'access-control-allow-methods': Object.keys(route).join(', '),
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-max-age': '600',
      });
      return res.end();
    }
    const h = route[method];
    if (!h) throw new HttpError(405, 'method_not_allowed', `不支持的方法：${method}`, `method not allowed: ${method}`, [], { allow: Object.keys(route).join(', ') });
    corsHeaders(req, res);
    if (opts.token && path.startsWith('/v1/') && !opts.token(req.headers.authorization)) throw unauthorized();
    await h(req, res, query);
  }

  function fail(req: IncomingMessage, res: ServerResponse, path: string, e: unknown) {
    if (res.headersSent) {
      if (!(e instanceof HttpError || e instanceof YibaoError)) logger.error(e, req.method ?? '', path);
      res.destroy();
      return;
    }
    let status: number;
    let body: string;
    let headers: Record<string, string> = {};
    if (e instanceof HttpError) [status, body, headers] = [e.status, errorJson(e), e.headers];
    else if (e instanceof YibaoError) [status, body] = [statusOf(e), errorJson(e)];
    else {
      const id = logger.error(e, req.method ?? '', path);
      status = 500;
      body = JSON.stringify({ error: { code: 'internal_error', zh: `服务内部错误（错误编号 ${id}）`, en: `internal error (error id ${id})`, path: [] } });
    }
    // A body left unread is not read: the connection closes after the answer.
    if (!req.complete) headers = { ...headers, connection: 'close' };
    sendJson(res, status, body, headers);
  }

  const server = createServer(
    { maxHeaderSize: limits.maxHeaderSize, requestTimeout: limits.requestTimeout, headersTimeout: limits.headersTimeout, keepAliveTimeout: limits.keepAliveTimeout },
    (req, res) => {
      const start = performance.now();
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const path = q < 0 ? url : url.slice(0, q);
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('cache-control', 'no-store');
      if (draining) res.setHeader('connection', 'close');
      res.once('close', () => {
        // Only known routes are logged as they are; a policy id as the route's template.
        const known = routes[path] ? path : path.startsWith('/v1/policies/') ? '/v1/policies/{id}' : '(unknown)';
        logger.request(req.method ?? '', known, res.statusCode, performance.now() - start, Number(req.headers['content-length'] ?? 0), Number(res.getHeader('content-length') ?? 0));
      });
      handle(req, res, path).catch((e: unknown) => fail(req, res, path, e));
    },
  );
  server.maxHeadersCount = limits.maxHeadersCount;
  server.maxRequestsPerSocket = limits.maxRequestsPerSocket;
  server.maxConnections = limits.maxConnections;
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const [status, text] = err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout'] : [400, 'Bad Request'];
    const body = JSON.stringify({ error: { code: status === 400 ? 'invalid_input' : status === 431 ? 'payload_too_large' : 'invalid_input', zh: '请求格式错误或超时', en: `malformed or timed-out request (${text})`, path: [] } });
    socket.end(`HTTP/1.1 ${status} ${text}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });

  function drain(timeoutMs = 30_000): Promise<boolean> {
    ready = false;
    draining = true;
    return new Promise((resolve) => {
      const tick = setInterval(() => server.closeIdleConnections(), 50);
      const cut = setTimeout(() => {
        server.closeAllConnections();
        finish(false);
      }, timeoutMs);
      let done = false;
      const finish = (ok: boolean) => {
        if (done) return;
        done = true;
        clearInterval(tick);
        clearTimeout(cut);
        logger.flush();
        resolve(ok);
      };
      server.close(() => finish(true));
      server.closeIdleConnections();
    });
  }

  return { server, logger, drain };
}
