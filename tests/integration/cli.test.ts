import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useIsolatedDatabase } from '../support/test-database';

// The operator CLI as an operator runs it: a real process against a real database, password on stdin.

let env: NodeJS.ProcessEnv;
let dataDir: string;

function cli(args: string[], input = '') {
  const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/cli.ts', ...args], {
    env,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-cli-'));
  env = { ...process.env, DATABASE_URL: await useIsolatedDatabase(), DATA_DIR: dataDir };
});

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run cli', () => {
  it('lists its commands with --help, and exits non-zero for an unknown one', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['demo load', 'db status', 'user create', 'user set-password', 'user disable', 'user list']) expect(help.stdout).toContain(command);
    const unknown = cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command: frobnicate');
  });

  it('creates a user with a piped password, lists and disables them', () => {
    const created = cli(['user', 'create', '--email', 'Ops@Example.test', '--name', 'Ops Editor', '--role', 'editor'], 'a sufficiently long passphrase\n');
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created editor ops@example.test');
    expect(cli(['user', 'list']).stdout).toContain('ops@example.test\teditor\tactive\tOps Editor');
    expect(cli(['user', 'disable', '--email', 'ops@example.test']).code).toBe(0);
    expect(cli(['user', 'list']).stdout).toContain('ops@example.test\teditor\tdisabled');
    expect(cli(['user', 'set-password', '--email', 'ops@example.test'], 'another long passphrase\n').code).toBe(0);
  }, 180_000);

  it('refuses bad arguments with a clear message and a non-zero exit', () => {
    const cases: [string[], string, string][] = [
      [['user', 'create', '--email', 'x@example.test', '--name', 'X', '--role', 'boss'], 'good passphrase here', 'Choose a role'],
      [['user', 'create', '--email', 'not-an-email', '--name', 'X', '--role', 'editor'], 'good passphrase here', 'valid email'],
      [['user', 'create', '--name', 'X', '--role', 'editor'], 'good passphrase here', '--email is required'],
      [['user', 'create', '--email', 'y@example.test', '--name', 'Y', '--role', 'editor'], 'password1234', 'too common'],
      [['user', 'disable', '--email', 'missing@example.test'], '', 'No user has the email'],
      [['user', 'list', '--bogus', '1'], '', 'Unknown option'],
    ];
    for (const [args, input, message] of cases) {
      const result = cli(args, input);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(message);
    }
  }, 180_000);

  it('loads the demo only into an empty database, and reports the database status', async () => {
    const status = cli(['db', 'status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/migrations applied: [1-9]/);
    const refused = cli(['demo', 'load']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('only loaded into an empty database');

    env = { ...env, DATABASE_URL: await useIsolatedDatabase() };
    const loaded = cli(['demo', 'load']);
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toMatch(/Loaded \d+ articles, \d+ authors, \d+ topics and 3 users/);
    expect(cli(['db', 'status']).stdout).toMatch(/articles: \d+ \(\d+ published\)/);
  }, 180_000);
});
