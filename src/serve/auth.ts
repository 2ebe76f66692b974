/**
 * The optional bearer token. Both sides are hashed first and compared with
 * `timingSafeEqual`, so neither the token nor its length shows in the time an
 * answer takes.
 *
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { HttpError } from './errors.js';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** A checker of `Authorization: Bearer …` headers; `undefined` when no token is required. */
export type TokenCheck = ((authorization: string | undefined) => boolean) | undefined;

/** Reads the token (first line of the file, blanks trimmed) and returns its checker. */
export function tokenCheckFromFile(file: string): NonNullable<TokenCheck> {
  const token = readFileSync(file, 'utf8').split(/\r?\n/)[0]!.trim();
  if (!token) throw new Error(`令牌文件为空 / the token file is empty: ${file}`);
  return tokenCheck(token);
}

/** The checker for a token. */
export function tokenCheck(token: string): NonNullable<TokenCheck> {
  const want = sha256(token);
  return (authorization) => {
    const m = authorization === undefined ? null : /^Bearer +(\S+) *$/i.exec(authorization);
    return timingSafeEqual(sha256(m ? m[1]! : ''), want) && m !== null;
  };
}

export const unauthorized = () =>
  new HttpError(401, 'unauthorized', '缺少或错误的访问令牌（Authorization: Bearer …）', 'missing or wrong access token (Authorization: Bearer …)', [], {
    'www-authenticate': 'Bearer',
  });
