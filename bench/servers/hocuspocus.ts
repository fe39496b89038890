/**
 * Hocuspocus with SQLite storage, bound to 127.0.0.1:$PORT, database in $DATA_DIR.
 *
 * Hocuspocus 4.x declares `engines: node >=22`, so on Node 20 we run @hocuspocus/server 3.4.4.
 * Its @hocuspocus/extension-sqlite 3.x uses the `sqlite3` package (a native build); the current
 * extension-sqlite (4.7) is a Database extension over better-sqlite3, and the class below is
 * that extension's code (same schema, same queries, same default pragmas), on extension-database
 * 3.4.4. Storage is Hocuspocus's usual one: the whole document is written after a debounce
 * (2 s, at most 10 s), and immediately when its last connection leaves.
 */
import { join } from 'node:path';
import { Database, type DatabaseConfiguration } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import BetterSqlite3 from 'better-sqlite3';

const schema = `CREATE TABLE IF NOT EXISTS "documents" (
  "name" varchar(255) NOT NULL,
  "data" blob NOT NULL,
  UNIQUE(name)
)`;
const selectQuery = 'SELECT data FROM "documents" WHERE name = $name ORDER BY rowid DESC';
const upsertQuery = `INSERT INTO "documents" ("name", "data") VALUES ($name, $data)
    ON CONFLICT(name) DO UPDATE SET data = $data`;

interface SQLiteConfiguration extends DatabaseConfiguration {
  database: string;
}

class SQLite extends Database {
  db?: BetterSqlite3.Database;

  constructor(private readonly file: string) {
    super({});
    const configuration: SQLiteConfiguration = {
      database: file,
      fetch: async ({ documentName }) => {
        const row = this.db?.prepare(selectQuery).get({ name: documentName }) as
          | { data: Buffer }
          | undefined;
        return row?.data ?? null;
      },
      store: async ({ documentName, state }) => {
        this.db?.prepare(upsertQuery).run({ name: documentName, data: state });
      },
    };
    this.configuration = configuration;
  }

  async onConfigure(): Promise<void> {
    this.db = new BetterSqlite3(this.file);
    this.db.exec(schema);
  }
}

const dataDir = process.env.DATA_DIR ?? '.';
const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: '127.0.0.1',
  quiet: true,
  extensions: [new SQLite(join(dataDir, 'hocuspocus.sqlite'))],
});
await server.listen();
process.stdout.write(`${JSON.stringify({ msg: 'listening', port: server.address.port })}\n`);

process.on('SIGTERM', () => {
  // destroy() closes every connection; the last one leaving a document stores it at once.
  server.destroy().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
