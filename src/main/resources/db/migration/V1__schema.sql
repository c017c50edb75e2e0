-- Initial schema of the Interaction Management System (spec §6.2).
--
-- Flyway runs this as the schema owner. The application connects as a separate role
-- (${app_user}) that owns nothing, so the row-level security policies below apply to it.
-- Every site-owned table also FORCEs row-level security, so even a deployment that
-- (wrongly) connects as the owner cannot read across sites.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (it reads a dictionary); index expressions need an IMMUTABLE
-- function, and pinning the dictionary makes that promise true.
CREATE FUNCTION ims_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- The active site of the current transaction, as set by the application with
-- set_config('app.site_id', ?, true). NULL when unset, so that no row matches.
CREATE FUNCTION ims_current_site() RETURNS bigint
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT NULLIF(current_setting('app.site_id', true), '')::bigint $$;

CREATE TABLE users (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username             varchar(50)  NOT NULL,
    email                varchar(100) NOT NULL,
    password_hash        varchar(255) NOT NULL,
    is_active            boolean      NOT NULL DEFAULT true,
    global_admin         boolean      NOT NULL DEFAULT false,
    last_login           timestamptz,
    password_changed_at  timestamptz  NOT NULL DEFAULT now(),
    must_change_password boolean      NOT NULL DEFAULT false,
    failed_login_count   integer      NOT NULL DEFAULT 0,
    locked_until         timestamptz,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz,
    CONSTRAINT users_username_format CHECK (username ~ '^[A-Za-z0-9._-]{3,50}$'),
    CONSTRAINT users_email_format CHECK (position('@' IN email) > 1)
);
-- Case-insensitive uniqueness: "Admin" and "admin" are the same account.
CREATE UNIQUE INDEX idx_users_username ON users (lower(username));
CREATE UNIQUE INDEX idx_users_email ON users (lower(email));

CREATE TABLE sites (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        varchar(100) NOT NULL,
    description text,
    is_active   boolean      NOT NULL DEFAULT true,
    created_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX idx_sites_name ON sites (lower(name));

CREATE TABLE user_site (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    site_id     bigint      NOT NULL REFERENCES sites (id),
    role        varchar(20) NOT NULL,
    is_default  boolean     NOT NULL DEFAULT false,
    assigned_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_site_role CHECK (role IN ('ADMINISTRATOR', 'EDITOR', 'VIEWER')),
    CONSTRAINT user_site_unique UNIQUE (user_id, site_id)
);
CREATE INDEX idx_user_site_site ON user_site (site_id);
-- At most one default site per user.
CREATE UNIQUE INDEX idx_user_site_default ON user_site (user_id) WHERE is_default;

CREATE TABLE interaction_types (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id    bigint      NOT NULL REFERENCES sites (id),
    name       varchar(50) NOT NULL,
    position   integer     NOT NULL DEFAULT 0,
    retired_at timestamptz,
    CONSTRAINT interaction_types_name_not_blank CHECK (btrim(name) <> '')
);
CREATE UNIQUE INDEX idx_interaction_types_name ON interaction_types (site_id, lower(name));

CREATE TABLE interactions (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id        bigint       NOT NULL REFERENCES sites (id),
    title          varchar(255) NOT NULL,
    type           varchar(50)  NOT NULL,
    lead           varchar(100) NOT NULL,
    -- Instants; the zone the user chose is kept beside them to show local times (DST-correct).
    start_datetime timestamptz  NOT NULL,
    end_datetime   timestamptz  NOT NULL,
    timezone       varchar(64)  NOT NULL,
    location       varchar(255),
    description    text,
    notes          text,
    version        bigint       NOT NULL DEFAULT 0,
    created_by     bigint       NOT NULL REFERENCES users (id),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_by     bigint REFERENCES users (id),
    updated_at     timestamptz,
    deleted_at     timestamptz,
    deleted_by     bigint REFERENCES users (id),
    -- Global search: every word of every searchable field, accent-folded, unstemmed so
    -- that any word can be matched as a prefix.
    search_vector  tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, ims_unaccent(
            coalesce(title, '') || ' ' || coalesce(type, '') || ' ' || coalesce(lead, '') || ' ' ||
            coalesce(location, '') || ' ' || coalesce(description, '') || ' ' || coalesce(notes, '')))
    ) STORED,
    CONSTRAINT interactions_title_not_blank CHECK (btrim(title) <> ''),
    CONSTRAINT interactions_lead_not_blank CHECK (btrim(lead) <> ''),
    CONSTRAINT interactions_end_after_start CHECK (end_datetime > start_datetime),
    CONSTRAINT interactions_description_length CHECK (char_length(description) <= 10000),
    CONSTRAINT interactions_notes_length CHECK (char_length(notes) <= 10000)
);
-- Finder default order (most recent first) and date ranges, live rows only.
CREATE INDEX idx_interactions_site_start ON interactions (site_id, start_datetime DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX idx_interactions_site_dates ON interactions (site_id, start_datetime, end_datetime)
    WHERE deleted_at IS NULL;
CREATE INDEX idx_interactions_site_type ON interactions (site_id, type) WHERE deleted_at IS NULL;
CREATE INDEX idx_interactions_site_lead ON interactions (site_id, lead) WHERE deleted_at IS NULL;
CREATE INDEX idx_interactions_site_title ON interactions (site_id, title) WHERE deleted_at IS NULL;
-- Soft-deleted rows: the restore list and the purge job.
CREATE INDEX idx_interactions_deleted ON interactions (site_id, deleted_at) WHERE deleted_at IS NOT NULL;
-- Full-text (global search) and trigram (per-field "contains" filters) indexes.
CREATE INDEX ftidx_interactions_text ON interactions USING gin (search_vector);
CREATE INDEX trgm_interactions_title ON interactions USING gin (lower(ims_unaccent(title)) gin_trgm_ops);
CREATE INDEX trgm_interactions_lead ON interactions USING gin (lower(ims_unaccent(lead)) gin_trgm_ops);
CREATE INDEX trgm_interactions_location ON interactions USING gin (lower(ims_unaccent(location)) gin_trgm_ops);

-- Who did what, when (spec §6.4 "Audit Logging"). Append-only for the application.
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    user_id     bigint REFERENCES users (id),
    username    varchar(50),
    site_id     bigint REFERENCES sites (id),
    action      varchar(50) NOT NULL,
    entity_type varchar(50),
    entity_id   varchar(64),
    ip_address  varchar(45),
    request_id  varchar(64),
    old_values  jsonb,
    new_values  jsonb,
    details     jsonb
);
CREATE INDEX idx_audit_log_site_time ON audit_log (site_id, occurred_at DESC);
CREATE INDEX idx_audit_log_user_time ON audit_log (user_id, occurred_at DESC);
CREATE INDEX idx_audit_log_action_time ON audit_log (action, occurred_at DESC);

-- Every login attempt (spec F-001-RQ-002), successful or not, known user or not.
CREATE TABLE login_attempts (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    attempted_at timestamptz  NOT NULL DEFAULT now(),
    username     varchar(255) NOT NULL,
    user_id      bigint REFERENCES users (id) ON DELETE SET NULL,
    ip_address   varchar(45),
    success      boolean      NOT NULL,
    reason       varchar(50)
);
CREATE INDEX idx_login_attempts_username_time ON login_attempts (lower(username), attempted_at DESC);
CREATE INDEX idx_login_attempts_ip_time ON login_attempts (ip_address, attempted_at DESC);

-- Row-level security: the database's own lock behind the application's site filter.
ALTER TABLE interactions ENABLE ROW LEVEL SECURITY;
ALTER TABLE interactions FORCE ROW LEVEL SECURITY;
CREATE POLICY interactions_site_isolation ON interactions
    USING (site_id = ims_current_site())
    WITH CHECK (site_id = ims_current_site());

ALTER TABLE interaction_types ENABLE ROW LEVEL SECURITY;
ALTER TABLE interaction_types FORCE ROW LEVEL SECURITY;
CREATE POLICY interaction_types_site_isolation ON interaction_types
    USING (site_id = ims_current_site())
    WITH CHECK (site_id = ims_current_site());

-- The application role gets exactly what it needs; audit rows can be added and read, never changed.
GRANT SELECT, INSERT, UPDATE ON users, sites, user_site TO "${app_user}";
GRANT DELETE ON user_site TO "${app_user}";
GRANT SELECT, INSERT, UPDATE, DELETE ON interactions, interaction_types TO "${app_user}";
GRANT SELECT, INSERT ON audit_log, login_attempts TO "${app_user}";
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "${app_user}";
GRANT EXECUTE ON FUNCTION ims_unaccent(text), ims_current_site() TO "${app_user}";
