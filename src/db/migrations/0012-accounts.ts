import { sql, type Kysely } from 'kysely';

// Accounts for a newsroom team (issue 12): who may sign in, with which role, to which collections.
// Sessions live here rather than in memory so that "sign out everywhere" and disabling a user end
// every live session at once, and a restart does not sign everybody out. Session and sign-in tokens
// are stored only as SHA-256 digests: a copy of the database does not let anyone sign in.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin', 'editor', 'reviewer', 'transcriber', 'viewer')),
      password_hash text,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by text NOT NULL,
      password_changed_at timestamptz,
      disabled_at timestamptz
    );
    CREATE UNIQUE INDEX users_name_idx ON users (lower(name));

    CREATE TABLE user_sessions (
      token_sha256 text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      address text,
      user_agent text
    );
    CREATE INDEX user_sessions_user_idx ON user_sessions (user_id);

    CREATE TABLE sign_in_tokens (
      token_sha256 text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );

    CREATE TABLE collection_grants (
      user_id uuid NOT NULL REFERENCES users(id),
      collection_id uuid NOT NULL REFERENCES collections(id),
      granted_by text NOT NULL,
      granted_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, collection_id)
    );
    CREATE INDEX collection_grants_collection_idx ON collection_grants (collection_id);

    CREATE TABLE sign_in_attempts (
      id bigserial PRIMARY KEY,
      user_name text NOT NULL,
      address text,
      succeeded boolean NOT NULL,
      attempted_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX sign_in_attempts_user_idx ON sign_in_attempts (lower(user_name), attempted_at DESC);
    CREATE INDEX sign_in_attempts_address_idx ON sign_in_attempts (address, attempted_at DESC);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE sign_in_attempts;
    DROP TABLE collection_grants;
    DROP TABLE sign_in_tokens;
    DROP TABLE user_sessions;
    DROP TABLE users;
  `.execute(db);
}
