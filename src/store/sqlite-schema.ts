// Versioned SQLite migrations, applied in order at open; `schema_version` holds the last one applied.
// Never edit a released migration: add the next one.
import type Database from 'better-sqlite3';

export const MIGRATIONS: readonly string[] = [
  // 1: the first schema
  `
  CREATE TABLE inbound (
    channel TEXT NOT NULL,
    message_id TEXT NOT NULL,
    user TEXT NOT NULL,
    sent_at INTEGER NOT NULL,
    raw TEXT,                       -- the full Inbound JSON until processed, then NULL
    processed INTEGER NOT NULL DEFAULT 0,
    intent TEXT,
    locality TEXT,
    urgent INTEGER,
    handoff INTEGER,
    redacted TEXT,
    PRIMARY KEY (channel, message_id)
  );
  CREATE INDEX inbound_unprocessed ON inbound (processed, sent_at);
  CREATE INDEX inbound_sent_at ON inbound (sent_at);

  CREATE TABLE messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    channel TEXT NOT NULL,
    user TEXT NOT NULL,
    sender TEXT NOT NULL,
    text TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX messages_user ON messages (channel, user, seq);
  CREATE INDEX messages_at ON messages (at);

  CREATE TABLE sessions (
    key TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_updated ON sessions (updated_at);

  CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    channel TEXT NOT NULL,
    user TEXT NOT NULL,
    chat TEXT NOT NULL,
    locality TEXT,
    reason TEXT NOT NULL,
    urgent INTEGER NOT NULL,
    state TEXT NOT NULL,
    claimed_by TEXT,
    level INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    last_messages TEXT NOT NULL
  );
  CREATE INDEX tickets_user ON tickets (channel, user, state);
  CREATE INDEX tickets_state ON tickets (state, created_at);

  CREATE TABLE facility_status (
    facility_id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    load TEXT,
    note TEXT,
    updated_at INTEGER NOT NULL
  );

  CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    dedupe_key TEXT UNIQUE,
    channel TEXT NOT NULL,
    chat TEXT NOT NULL,
    text TEXT NOT NULL,
    urgent INTEGER NOT NULL,
    quick_replies TEXT NOT NULL,
    meta TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    not_before INTEGER NOT NULL,
    lease_until INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL,
    last_error TEXT,
    done_at INTEGER
  );
  CREATE INDEX outbox_due ON outbox (channel, state, urgent DESC, created_at, seq);
  CREATE INDEX outbox_chat ON outbox (channel, chat, state, seq);
  CREATE INDEX outbox_done ON outbox (state, done_at);

  CREATE TABLE kv (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // 2: the mailbox of users who poll (HTTP API, web chat), until then kept in memory
  `
  CREATE TABLE mailbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    chat TEXT NOT NULL,
    message TEXT NOT NULL,          -- the MailboxMessage as JSON
    at INTEGER NOT NULL
  );
  CREATE INDEX mailbox_chat ON mailbox (channel, chat, seq);
  CREATE INDEX mailbox_at ON mailbox (at);
  `,
  // 3: the staff console: accounts, their sessions, the audit log, the review queue; conversation tokens
  `
  CREATE TABLE staff (
    username TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,   -- argon2id PHC string
    token_hash TEXT UNIQUE,        -- sha256 of the account's API token
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );

  CREATE TABLE staff_sessions (
    id_hash TEXT PRIMARY KEY,      -- sha256 of the cookie's value
    username TEXT NOT NULL,
    csrf TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX staff_sessions_user ON staff_sessions (username);
  CREATE INDEX staff_sessions_expires ON staff_sessions (expires_at);

  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT                    -- JSON
  );
  CREATE INDEX audit_at ON audit (at);
  CREATE INDEX audit_action ON audit (action, at);
  CREATE INDEX audit_target ON audit (target, at);

  CREATE TABLE review (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    at INTEGER NOT NULL,
    channel TEXT NOT NULL,
    message_id TEXT NOT NULL,
    locality TEXT,
    intent TEXT NOT NULL,
    reason TEXT NOT NULL,
    text TEXT NOT NULL,            -- redacted
    reply TEXT NOT NULL,
    verdict TEXT,
    right_intent TEXT,
    note TEXT,
    reviewed_by TEXT,
    reviewed_at INTEGER,
    UNIQUE (channel, message_id)
  );
  CREATE INDEX review_verdict ON review (verdict, at);
  CREATE INDEX review_at ON review (at);

  CREATE TABLE conversation_tokens (
    channel TEXT NOT NULL,
    user TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (channel, user)
  );
  CREATE INDEX conversation_tokens_created ON conversation_tokens (created_at);
  `,
  // 4: the answer given to a message (HTTP API, web chat), for a retry with the same message id
  `
  ALTER TABLE inbound ADD COLUMN outcome TEXT;
  `,
  // 5: sessions saved conditionally (a version), one open ticket per conversation (the newest is kept open
  // where an older version left two), per-chat send holds, shared counters
  `
  ALTER TABLE sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
  UPDATE tickets SET state = 'closed' WHERE state IN ('open', 'claimed') AND rowid NOT IN (
    SELECT max(rowid) FROM tickets WHERE state IN ('open', 'claimed') GROUP BY channel, user);
  CREATE UNIQUE INDEX tickets_one_open ON tickets (channel, user) WHERE state IN ('open', 'claimed');
  CREATE TABLE chat_holds (
    channel TEXT NOT NULL,
    chat TEXT NOT NULL,
    until INTEGER NOT NULL,
    PRIMARY KEY (channel, chat)
  ) WITHOUT ROWID;
  CREATE TABLE counters (
    key TEXT PRIMARY KEY,
    n INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX counters_expires ON counters (expires_at);
  `,
];

/** Brings the database up to the latest schema; throws if it is newer than this code knows. */
export function migrate(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  const current = row?.version ?? 0;
  if (current > MIGRATIONS.length) {
    throw new Error(`store: database schema version ${current} is newer than this program's (${MIGRATIONS.length})`);
  }
  const apply = db.transaction(() => {
    for (let v = current; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
    db.prepare('DELETE FROM schema_version').run();
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(MIGRATIONS.length);
  });
  if (current < MIGRATIONS.length) apply.immediate();
  return MIGRATIONS.length;
}
