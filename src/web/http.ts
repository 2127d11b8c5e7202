// HTTP plumbing: the one typed error every handler throws, query-parameter parsing, and the write token check.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { tmpdir } from 'node:os';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/** Thrown by handlers; mapped centrally to a JSON body under /api and an HTML page elsewhere. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 500,
    message: string,
    readonly code: string = 'error',
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Roots of server file paths that a reader must never see in a message (a reader's error may quote a temp file). */
const SERVER_PATH =
  /(?:[A-Za-z]:\\[^\s：，。；“”（）()'"]+|\/(?:tmp|var|usr|home|root|opt|srv|mnt|etc|work|private|proc|dev|Users|run|data)(?![\w.-])(?:\/[^\s：，。；“”（）()'"]*)?)/g;

/** A message as shown to a client: server paths (the temporary file an upload was read from, the data folder) left out. */
export function publicMessage(message: string): string {
  const known = [process.cwd(), tmpdir()].filter((p) => p.length > 1);
  let out = message;
  for (const p of known) out = out.split(p).join('…');
  return out.replace(SERVER_PATH, '（服务器上的文件）');
}

export const TOKEN_COOKIE = 'budgetdoc_token';

export function optionalInt(
  c: Context,
  name: string,
  range: [number, number] = [-2147483648, 2147483647],
): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw new HttpError(400, `参数 ${name} 应为整数，收到“${raw}”`, 'bad_parameter');
  const n = Number(raw);
  if (n < range[0] || n > range[1])
    throw new HttpError(400, `参数 ${name} 超出范围 ${range[0]}–${range[1]}`, 'bad_parameter');
  return n;
}

export function optionalText(c: Context, name: string, allowed?: readonly string[]): string | undefined {
  const raw = c.req.query(name)?.trim();
  if (!raw) return undefined;
  if (raw.length > 200) throw new HttpError(400, `参数 ${name} 过长`, 'bad_parameter');
  if (allowed && !allowed.includes(raw))
    throw new HttpError(400, `参数 ${name} 只能是 ${allowed.join('、')}，收到“${raw}”`, 'bad_parameter');
  return raw;
}

export function pathId(c: Context): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new HttpError(404, `没有编号为“${raw}”的文件`, 'not_found');
  return Number(raw);
}

export function idList(raw: string | undefined): number[] {
  if (!raw) return [];
  const ids = raw.split(/[,，\s]+/).filter(Boolean);
  if (ids.some((s) => !/^\d{1,9}$/.test(s)))
    throw new HttpError(400, `参数 ids 应为逗号分隔的文件编号，收到“${raw}”`, 'bad_parameter');
  if (ids.length > 10) throw new HttpError(400, '一次最多对比 10 个文件', 'bad_parameter');
  return [...new Set(ids.map(Number))];
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The reviewer's session cookie value: derived from the token (HMAC), so the cookie never carries the token. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('budgetdoc reviewer session v1').digest('base64url');
}

/** Signs the reviewer in: HttpOnly, SameSite=Strict (other sites cannot use it), Secure when served over https. */
export function setSession(c: Context, token: string): void {
  const https = new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
  setCookie(c, TOKEN_COOKIE, sessionValue(token), { httpOnly: true, sameSite: 'Strict', path: '/', secure: https });
}

/** What a request presents: Authorization: Bearer, X-Budgetdoc-Token or a form field (the token), or the session cookie. */
function presented(c: Context, formToken?: string): { value: string; session: boolean } | undefined {
  const auth = c.req.header('authorization');
  if (auth?.toLowerCase().startsWith('bearer ')) return { value: auth.slice(7).trim(), session: false };
  const direct = c.req.header('x-budgetdoc-token') ?? formToken;
  if (direct) return { value: direct, session: false };
  const cookie = getCookie(c, TOKEN_COOKIE);
  return cookie ? { value: cookie, session: true } : undefined;
}

export function presentedToken(c: Context, formToken?: string): string | undefined {
  return presented(c, formToken)?.value;
}

export function hasToken(c: Context, configured: string | undefined, formToken?: string): boolean {
  const given = presented(c, formToken);
  return !!configured && !!given && same(given.value, given.session ? sessionValue(configured) : configured);
}

/** Refuses writes without the configured token (and all writes when none is configured). */
export function requireToken(c: Context, configured: string | undefined, formToken?: string): void {
  if (!configured)
    throw new HttpError(403, '服务器未配置令牌（BUDGETDOC_TOKEN 或 --token），写操作已关闭', 'writes_disabled');
  if (!presentedToken(c, formToken))
    throw new HttpError(401, '需要令牌：请在请求头 Authorization: Bearer <令牌> 中提供', 'token_required');
  if (!hasToken(c, configured, formToken)) throw new HttpError(403, '令牌不正确', 'token_invalid');
}

/** The token checked from the headers (or the session cookie) before a byte of the body is read. */
export function tokenFirst(configured: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    requireToken(c, configured);
    await next();
  };
}

/** A form or multipart body; a malformed one is the client's error (400), not the server's. */
export async function formBody(c: Context): Promise<Record<string, string | File>> {
  try {
    return await c.req.parseBody<Record<string, string | File>>();
  } catch {
    throw new HttpError(400, '请求体不是有效的表单或 multipart/form-data 数据', 'bad_body');
  }
}
