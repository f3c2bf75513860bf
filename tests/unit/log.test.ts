import { describe, expect, it } from 'vitest';
import { createDetachedLogger, currentRequestId, parseRequestId, pathForLog, runWithRequestId } from '../../lib/log.js';

function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createDetachedLogger({ write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the logger', () => {
  it('censors passwords, cookies, authorization headers, tokens and secrets at any of the first three levels', () => {
    const { logger, lines } = capturedLogger();
    logger.info(
      {
        password: 'hunter2-top',
        user: { email: 'a@example.test', newPassword: 'hunter2-new', passwordHash: '$argon2id$v=19$m=1' },
        req: { headers: { cookie: 'next-auth.session-token=abc', authorization: 'Bearer xyz', 'set-cookie': 'a=b', accept: 'text/html' } },
        invitation: { token: 'raw-invite-token' },
        config: { AUTH_SECRET: 'the-secret', DATABASE_URL: 'postgresql://postgres:pw@127.0.0.1/dispatch' },
      },
      'signing in',
    );
    const text = JSON.stringify(lines);
    for (const secret of ['hunter2', '$argon2id', 'session-token=abc', 'Bearer xyz', 'a=b', 'raw-invite-token', 'the-secret', ':pw@']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      level: 'info',
      msg: 'signing in',
      password: '[redacted]',
      user: { email: 'a@example.test', newPassword: '[redacted]', passwordHash: '[redacted]' },
      req: { headers: { cookie: '[redacted]', authorization: '[redacted]', 'set-cookie': '[redacted]', accept: 'text/html' } },
    });
    expect(typeof lines[0]!.time).toBe('string');
  });

  it('puts the id of the request being handled on every line, and none outside a request', async () => {
    const { logger, lines } = capturedLogger();
    logger.info('outside');
    const handle = (id: string, delayMs: number) =>
      runWithRequestId(id, async () => {
        logger.info('started');
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        logger.warn({ currentRequestId: currentRequestId() }, 'finished');
      });
    await Promise.all([handle('request-a', 20), handle('request-b', 5)]);
    expect(lines[0]).not.toHaveProperty('requestId');
    const byId = (id: string) => lines.filter((line) => line.requestId === id).map((line) => line.msg);
    expect(byId('request-a')).toEqual(['started', 'finished']);
    expect(byId('request-b')).toEqual(['started', 'finished']);
    expect(lines.filter((line) => line.msg === 'finished').every((line) => line.currentRequestId === line.requestId)).toBe(true);
  });
});

describe('parseRequestId', () => {
  it('keeps a sane incoming id', () => {
    for (const id of ['abc', 'f47ac10b-58cc-4372-a567-0e02b2c3d479', 'lb.1:trace_42', 'A'.repeat(128)]) expect(parseRequestId(id)).toBe(id);
  });

  it('replaces a missing, repeated, oversized or hostile id with a random UUID', () => {
    const hostile = [undefined, null, '', ['a', 'b'], 'A'.repeat(129), 'two words', 'line\nbreak', '{"json":1}', '<script>', '-leading-dash', 'ünïcode'];
    for (const id of hostile) expect(parseRequestId(id as string | string[] | undefined | null)).toMatch(UUID);
    expect(parseRequestId(undefined)).not.toBe(parseRequestId(undefined));
  });
});

describe('pathForLog', () => {
  it('drops the query string and fragment, which may hold search terms and callback URLs', () => {
    expect(pathForLog('/search?q=who+wrote+this')).toBe('/search');
    expect(pathForLog('/login?callbackUrl=%2Feditor#top')).toBe('/login');
    expect(pathForLog('')).toBe('/');
  });

  it('hides the secret of invitation, password-reset and share-preview links', () => {
    expect(pathForLog('/invite/k3J9xQ_secret')).toBe('/invite/[token]');
    expect(pathForLog('/reset/k3J9xQ_secret?x=1')).toBe('/reset/[token]');
    expect(pathForLog('/preview/k3J9xQ_secret/extra')).toBe('/preview/[token]/extra');
    expect(pathForLog('/articles/invite/not-a-token')).toBe('/articles/invite/not-a-token');
  });
});
