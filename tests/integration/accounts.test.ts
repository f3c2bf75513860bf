import { hash } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useIsolatedDatabase } from '../support/test-database';
import { createScriptPrisma, type ScriptPrisma } from '../../scripts/lib/prisma';

// Sign-in, throttling, first-run setup, invitations and password resets on a real PostgreSQL.

let prisma: ScriptPrisma;
let auth: typeof import('@/lib/data/auth');
let users: typeof import('@/lib/data/users');

const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  prisma = createScriptPrisma(await useIsolatedDatabase());
  auth = await import('@/lib/data/auth');
  users = await import('@/lib/data/users');
});

afterAll(async () => {
  await prisma.$disconnect();
});

async function auditActions(): Promise<string[]> {
  return (await prisma.auditEvent.findMany({ orderBy: { createdAt: 'asc' }, select: { action: true } })).map((event) => event.action);
}

describe('first-run setup', () => {
  it('creates the first administrator once, even when two requests race', async () => {
    expect(await users.needsFirstRunSetup()).toBe(true);
    const results = await Promise.all([
      users.createFirstAdmin({ email: 'first@example.test', name: 'First', password: PASSWORD }, '10.0.0.1'),
      users.createFirstAdmin({ email: 'second@example.test', name: 'Second', password: PASSWORD }, '10.0.0.2'),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await prisma.user.count({ where: { role: 'ADMIN' } })).toBe(1);
    expect(await users.needsFirstRunSetup()).toBe(false);
    expect(await auditActions()).toContain('setup.firstAdmin');
  });
});

describe('authenticate', () => {
  beforeAll(async () => {
    await prisma.user.create({ data: { email: 'writer@example.test', name: 'Writer', role: 'EDITOR', passwordHash: await hash(PASSWORD) } });
  });

  it('signs in with the right password, case-insensitively by email', async () => {
    const result = await auth.authenticate('Writer@Example.test', PASSWORD, '192.0.2.1');
    expect(result).toMatchObject({ ok: true });
  });

  it('answers the same for a wrong password and an unknown email', async () => {
    expect(await auth.authenticate('writer@example.test', 'wrong password!', '192.0.2.2')).toEqual({ ok: false, reason: 'invalid' });
    expect(await auth.authenticate('nobody@example.test', 'wrong password!', '192.0.2.3')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a disabled user even with the right password', async () => {
    await prisma.user.create({ data: { email: 'gone@example.test', name: 'Gone', role: 'EDITOR', disabled: true, passwordHash: await hash(PASSWORD) } });
    expect(await auth.authenticate('gone@example.test', PASSWORD, '192.0.2.4')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('locks an account after 10 failures in 15 minutes, then refuses even the right password', async () => {
    await prisma.user.create({ data: { email: 'target@example.test', name: 'Target', role: 'FELLOW', passwordHash: await hash(PASSWORD) } });
    const results = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      results.push(await auth.authenticate('target@example.test', `guess number ${attempt}`, `198.51.100.${attempt}`));
    }
    expect(results.slice(0, 9).every((result) => !result.ok && result.reason === 'invalid')).toBe(true);
    expect(results[9]).toEqual({ ok: false, reason: 'throttled' });
    expect(await auth.authenticate('target@example.test', PASSWORD, '198.51.100.200')).toEqual({ ok: false, reason: 'throttled' });
    expect(await auditActions()).toContain('auth.lockout');
  });

  it('locks a client address that tries many accounts, without revealing which exist', async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      await auth.authenticate(`unknown-${attempt}@example.test`, 'whatever password', '203.0.113.9');
    }
    expect(await auth.authenticate('writer@example.test', PASSWORD, '203.0.113.9')).toEqual({ ok: false, reason: 'throttled' });
    expect(await auth.authenticate('writer@example.test', PASSWORD, '203.0.113.10')).toMatchObject({ ok: true });
  });
});

describe('invitations and password resets', () => {
  let admin: NonNullable<Awaited<ReturnType<typeof auth.getSessionViewer>>>;

  beforeAll(async () => {
    const row = await prisma.user.findFirstOrThrow({ where: { role: 'ADMIN' } });
    admin = (await auth.getSessionViewer(row.id, row.sessionVersion))!;
    await prisma.author.create({ data: { slug: 'invited-fellow', name: 'Invited Fellow', sortName: 'Fellow, Invited' } });
  });

  it('accepts an invitation once, creating the account linked to its author profile', async () => {
    const invited = await users.inviteUser(admin, { email: 'new@example.test', name: 'New Fellow', role: 'FELLOW', authorSlug: 'invited-fellow' }, null);
    if (!invited.ok) throw new Error(invited.message);
    expect(await users.getInvitation(invited.token)).toEqual({ email: 'new@example.test', name: 'New Fellow', role: 'FELLOW' });
    expect(await users.acceptInvitation(invited.token, PASSWORD, null)).toEqual({ ok: true, email: 'new@example.test' });
    expect(await users.acceptInvitation(invited.token, PASSWORD, null)).toMatchObject({ ok: false });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'new@example.test' }, include: { author: true } });
    expect(user).toMatchObject({ role: 'FELLOW', author: { slug: 'invited-fellow' } });
    expect(await auth.authenticate('new@example.test', PASSWORD, null)).toMatchObject({ ok: true });
  });

  it('refuses an expired invitation and one for a taken author profile', async () => {
    const invited = await users.inviteUser(admin, { email: 'late@example.test', name: 'Late', role: 'EDITOR' }, null);
    if (!invited.ok) throw new Error(invited.message);
    await prisma.userToken.updateMany({ where: { email: 'late@example.test' }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await users.getInvitation(invited.token)).toBeNull();
    expect(await users.acceptInvitation(invited.token, PASSWORD, null)).toMatchObject({ ok: false });
    const taken = await users.inviteUser(admin, { email: 'other@example.test', name: 'Other', role: 'FELLOW', authorSlug: 'invited-fellow' }, null);
    expect(taken).toMatchObject({ ok: false, errors: { authorSlug: ['This author profile already belongs to another user.'] } });
  });

  it('resets a password once through its link and ends the old sessions', async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'writer@example.test' } });
    const link = await users.createPasswordResetLink(admin, user.id, null);
    if (!link.ok) throw new Error(link.message);
    expect(await users.getPasswordResetTarget(link.token)).toEqual({ email: 'writer@example.test' });
    expect(await users.resetPasswordWithToken(link.token, 'an entirely new passphrase', null)).toMatchObject({ ok: true });
    expect(await users.resetPasswordWithToken(link.token, 'yet another passphrase', null)).toMatchObject({ ok: false });
    expect(await auth.getSessionViewer(user.id, user.sessionVersion)).toBeNull();
    expect(await auth.authenticate('writer@example.test', 'an entirely new passphrase', null)).toMatchObject({ ok: true });
    expect(await auditActions()).toEqual(expect.arrayContaining(['user.invite', 'user.acceptInvitation', 'user.passwordResetLink', 'user.passwordReset']));
  });
});
