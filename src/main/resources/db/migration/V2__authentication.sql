-- Authentication state that must hold across restarts and across servers (spec §6.4):
-- sessions (one per login; logging out or reusing a refresh token revokes one), rotating
-- refresh tokens, and the password history behind the "no reuse of the last 5" rule.

-- One row per login, web or API. Every access token names its session ("sid" claim), so
-- revoking the row stops the session's access and refresh tokens at once, on every server.
CREATE TABLE auth_sessions (
    id             uuid PRIMARY KEY,
    user_id        bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    channel        varchar(10) NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    revoked_reason varchar(50),
    ip_address     varchar(45),
    CONSTRAINT auth_sessions_channel CHECK (channel IN ('API', 'WEB'))
);
CREATE INDEX idx_auth_sessions_user ON auth_sessions (user_id);

-- Refresh tokens are opaque random strings; only their SHA-256 is stored. Each is used once:
-- a second use means it was stolen, and the whole session (the token family) is revoked.
CREATE TABLE refresh_tokens (
    token_hash varchar(64) PRIMARY KEY,
    session_id uuid        NOT NULL REFERENCES auth_sessions (id) ON DELETE CASCADE,
    site_id    bigint      NOT NULL REFERENCES sites (id),
    issued_at  timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX idx_refresh_tokens_session ON refresh_tokens (session_id);

CREATE TABLE password_history (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       bigint       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    password_hash varchar(255) NOT NULL,
    changed_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX idx_password_history_user ON password_history (user_id, changed_at DESC);

GRANT SELECT, INSERT, UPDATE ON auth_sessions, refresh_tokens TO "${app_user}";
GRANT SELECT, INSERT, DELETE ON password_history TO "${app_user}";
