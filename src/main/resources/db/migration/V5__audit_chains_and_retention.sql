-- The audit trail split into chains, and retention (issues 15 §3 and 18).
--
-- Until now every audit row of every server joined one chain under one row lock, held until the
-- inserting transaction ended: about 3,100 rows/s for the whole installation at best, and every
-- transaction that recorded something queued behind every other. And a single chain can only lose
-- its oldest rows: rows of different retention periods (sign-ins kept 2 years, searches anonymised
-- after 1) cannot be removed from the middle without breaking it.
--
-- So there are now several chains. Each belongs to one retention class, so that a class's old rows
-- are always the beginning of its chains; within a class there are several chains, and an insert
-- takes the first one no other transaction holds. Each chain has a head (where the next row goes)
-- and a start, the checkpoint: the sequence and hash of the last row that was retired (deleted or
-- anonymised). Verification checks every chain from its start to its head, exactly as before.
-- Only SECURITY DEFINER functions below move a start, and only over rows older than the minimum
-- age the database itself keeps for their class, so the application role still cannot remove or
-- alter audit rows at will.

-- What happens to a class's rows when their period ends. minimum_age is the youngest a row may be
-- to be retired, whatever the application asks: a compromised application cannot wipe recent
-- entries by asking for a short period. The application's own periods (MicroProfile Config) may be
-- longer; a shorter one needs this table changed by the schema owner.
CREATE TABLE audit_retention_rule (
    retention_class varchar(20) PRIMARY KEY,
    handling        varchar(10) NOT NULL CHECK (handling IN ('DELETE', 'ANONYMISE', 'KEEP')),
    minimum_age     interval,
    CHECK (handling = 'KEEP' OR minimum_age IS NOT NULL)
);
INSERT INTO audit_retention_rule (retention_class, handling, minimum_age) VALUES
    ('authentication', 'DELETE', interval '2 years'),  -- authentication logs, 2 years
    ('activity', 'ANONYMISE', interval '1 year'),      -- user activity logs, 1 year, anonymised
    ('change', 'KEEP', NULL);                          -- changes to data: no period in §6.2

-- Which class an action belongs to. Every AuditAction is named (AuditChainIT checks it); an action
-- named nowhere is kept, as a change is.
CREATE FUNCTION ims_audit_retention_class(action varchar) RETURNS varchar
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE
        WHEN action IN ('LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_REFUSED_LOCKED', 'ACCOUNT_LOCKED',
                        'LOGOUT', 'REFRESH_TOKEN_REUSED', 'SITE_SWITCHED', 'SITE_ACCESS_DENIED',
                        'PASSWORD_CHANGED', 'ACCESS_DENIED', 'NOT_FOUND_BY_ID')
            THEN 'authentication'
        WHEN action IN ('SEARCH', 'EXPORT', 'AUDIT_CHAIN_VERIFIED')
            THEN 'activity'
        WHEN action IN ('DEFAULT_SITE_CHANGED', 'INTERACTION_CREATED', 'INTERACTION_UPDATED',
                        'INTERACTION_DELETED', 'INTERACTION_RESTORED', 'INTERACTION_PURGED',
                        'FIRST_ADMINISTRATOR_CREATED', 'USER_CREATED', 'USER_UPDATED',
                        'USER_DEACTIVATED', 'USER_REACTIVATED',
                        'USER_UNLOCKED', 'PASSWORD_RESET', 'MEMBERSHIP_ADDED',
                        'MEMBERSHIP_ROLE_CHANGED', 'MEMBERSHIP_REMOVED', 'SITE_CREATED',
                        'SITE_UPDATED', 'SITE_DEACTIVATED', 'SITE_REACTIVATED',
                        'INTERACTION_TYPE_CREATED', 'INTERACTION_TYPE_RENAMED',
                        'INTERACTION_TYPES_REORDERED', 'INTERACTION_TYPE_RETIRED',
                        'INTERACTION_TYPE_REINSTATED', 'RETENTION_RUN', 'AUDIT_CHAIN_MIGRATED')
            THEN 'change'
    END
$$;

-- One row per chain: its head and its start (the checkpoint). 16 chains per class: more than the
-- transactions that write audit rows at the same moment on a few servers. More can be added by the
-- schema owner at any time (INSERT a row with a new chain_id); chains are never removed.
CREATE TABLE audit_chain (
    chain_id        smallint PRIMARY KEY,
    retention_class varchar(20) NOT NULL REFERENCES audit_retention_rule,
    head_seq        bigint      NOT NULL DEFAULT 0,
    head_hash       varchar(64),
    start_seq       bigint      NOT NULL DEFAULT 0,
    start_hash      varchar(64),
    start_moved_at  timestamptz,
    CHECK (start_seq <= head_seq)
);
CREATE INDEX idx_audit_chain_class ON audit_chain (retention_class, chain_id);
INSERT INTO audit_chain (chain_id, retention_class)
SELECT (c.ord - 1) * 16 + n, c.retention_class
FROM unnest(ARRAY['authentication', 'activity', 'change']) WITH ORDINALITY AS c (retention_class, ord),
     generate_series(1, 16) AS n;

ALTER TABLE audit_log ADD COLUMN chain_id smallint;

-- The one chain so far is checked, with V4's rules, before its rows move into the new chains: the
-- verdict is recorded in the trail (AUDIT_CHAIN_MIGRATED) so that re-chaining can never hide an
-- earlier break.
CREATE TEMP TABLE legacy_verdict AS
WITH c AS (
    SELECT a.chain_seq, a.hash, a.prev_hash, ims_audit_hash(a, a.prev_hash) AS recomputed,
           lag(a.hash) OVER (ORDER BY a.chain_seq) AS previous_hash,
           lag(a.chain_seq) OVER (ORDER BY a.chain_seq) AS previous_seq
    FROM audit_log a)
SELECT (SELECT count(*) FROM audit_log) AS legacy_rows,
       h.chain_seq AS head_seq,
       h.hash AS head_hash,
       coalesce(
           (SELECT min(chain_seq) FROM c
             WHERE recomputed <> hash
                OR chain_seq <> coalesce(previous_seq, 0) + 1
                OR prev_hash IS DISTINCT FROM previous_hash),
           CASE WHEN (SELECT coalesce(max(chain_seq), 0) FROM audit_log) <> h.chain_seq
                  OR h.hash IS DISTINCT FROM (SELECT hash FROM audit_log ORDER BY chain_seq DESC LIMIT 1)
                THEN (SELECT coalesce(max(chain_seq), 0) + 1 FROM audit_log) END) AS broken_at
FROM audit_chain_head h;

-- What a row's hash covers, now with its chain. Still the one definition, for the trigger, the
-- verification and retention alike.
CREATE OR REPLACE FUNCTION ims_audit_hash(a audit_log, previous varchar) RETURNS varchar
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT encode(sha256(convert_to(concat_ws('|',
        ims_audit_field(a.chain_id::text),
        ims_audit_field(a.chain_seq::text),
        ims_audit_field(a.id::text),
        ims_audit_field(to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
        ims_audit_field(a.user_id::text),
        ims_audit_field(a.username),
        ims_audit_field(a.site_id::text),
        ims_audit_field(a.action),
        ims_audit_field(a.entity_type),
        ims_audit_field(a.entity_id),
        ims_audit_field(a.ip_address),
        ims_audit_field(a.request_id),
        ims_audit_field(a.old_values::text),
        ims_audit_field(a.new_values::text),
        ims_audit_field(a.details::text),
        ims_audit_field(previous)), 'UTF8')), 'hex')
$$;

-- Every existing row moves, in its old order, into the first chain of its class.
DROP INDEX idx_audit_log_chain;
DO $chain$
DECLARE
    r        audit_log;
    chain    smallint;
    seq      bigint;
    previous varchar(64);
    seqs     jsonb := '{}';
    hashes   jsonb := '{}';
BEGIN
    FOR r IN SELECT * FROM audit_log ORDER BY chain_seq, id LOOP
        SELECT min(chain_id) INTO chain FROM audit_chain
         WHERE retention_class = coalesce(ims_audit_retention_class(r.action), 'change');
        seq := coalesce((seqs ->> chain::text)::bigint, 0) + 1;
        previous := hashes ->> chain::text;
        r.chain_id := chain;
        r.chain_seq := seq;
        r.prev_hash := previous;
        r.hash := ims_audit_hash(r, previous);
        UPDATE audit_log SET chain_id = r.chain_id, chain_seq = r.chain_seq,
                             prev_hash = r.prev_hash, hash = r.hash
         WHERE id = r.id;
        seqs := jsonb_set(seqs, ARRAY[chain::text], to_jsonb(seq));
        hashes := jsonb_set(hashes, ARRAY[chain::text], to_jsonb(r.hash));
    END LOOP;
    UPDATE audit_chain c SET head_seq = (seqs ->> c.chain_id::text)::bigint,
                             head_hash = hashes ->> c.chain_id::text
     WHERE seqs ? c.chain_id::text;
END
$chain$;

ALTER TABLE audit_log ALTER COLUMN chain_id SET NOT NULL;
CREATE UNIQUE INDEX idx_audit_log_chain ON audit_log (chain_id, chain_seq);
DROP TABLE audit_chain_head;

-- Appends a row to a chain of its class: the one this transaction already holds, else the first
-- that no other transaction holds (starting at a place that differs between connections, so that
-- concurrent writers rarely try the same chain), else, when every chain of the class is held, it
-- waits for one. Whatever the inserting client sends for the chain columns is replaced.
-- SECURITY DEFINER: the application role cannot move a head itself. The chain stays locked until
-- the inserting transaction ends, so its rows are appended in commit order. A transaction waiting
-- for itself (a change, then a security event in a new transaction of the same thread) now only
-- happens when all 16 chains of the class are held; the lock timeout turns that into an error.
-- ims.audit_chain.<class> remembers the chain this transaction holds; a value the client sets
-- there is only a preference, checked against the class and taken only if free.
--
-- The head row is moved once per transaction, at its commit (audit_log_chain_head, below), not
-- once per row: a row updated again and again in one transaction keeps every version until the
-- transaction ends, and each update walks all of them, so that n rows in one transaction cost n²
-- (V4: 8,000 rows in one statement took 8 s, 200,000 would take hours). Until the commit, the rows
-- this transaction already appended are found through the index: rows of the chain beyond its
-- head can only be this transaction's, since it holds the chain and every committed transaction
-- moved the head past its rows. The head, not the newest row, is where a transaction's first row
-- goes: rows removed at the end stay a visible gap.
CREATE OR REPLACE FUNCTION ims_audit_chain() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET lock_timeout = '15s'
AS $$
DECLARE
    class     varchar := coalesce(ims_audit_retention_class(NEW.action), 'change');
    held      integer := nullif(current_setting('ims.audit_chain.' || class, true), '')::integer;
    head      audit_chain;
    last_seq  bigint;
    last_hash varchar(64);
BEGIN
    -- The chain this transaction holds, by its key: the common case, and the cheap one.
    IF held IS NOT NULL THEN
        SELECT * INTO head FROM audit_chain c
         WHERE c.chain_id = held AND c.retention_class = class
         FOR UPDATE SKIP LOCKED;
    END IF;
    IF head.chain_id IS NULL THEN
        SELECT * INTO head FROM audit_chain c
         WHERE c.retention_class = class
         ORDER BY (c.chain_id + pg_backend_pid()) % 16, c.chain_id
         LIMIT 1
         FOR UPDATE SKIP LOCKED;
    END IF;
    IF head.chain_id IS NULL THEN
        SELECT * INTO STRICT head FROM audit_chain c
         WHERE c.retention_class = class
         ORDER BY (c.chain_id + pg_backend_pid()) % 16, c.chain_id
         LIMIT 1
         FOR UPDATE;
    END IF;
    SELECT a.chain_seq, a.hash INTO last_seq, last_hash FROM audit_log a
     WHERE a.chain_id = head.chain_id AND a.chain_seq > head.head_seq
     ORDER BY a.chain_seq DESC
     LIMIT 1;
    IF NOT FOUND THEN
        last_seq := head.head_seq;
        last_hash := head.head_hash;
    END IF;
    NEW.chain_id := head.chain_id;
    NEW.chain_seq := last_seq + 1;
    NEW.prev_hash := last_hash;
    NEW.hash := ims_audit_hash(NEW, last_hash);
    PERFORM set_config('ims.audit_chain.' || class, head.chain_id::text, true);
    RETURN NEW;
END
$$;

-- Moves the chain's head to the newest row this transaction appended to it, when the transaction
-- commits: deferred, so that the head row gets one new version per transaction and chain. The
-- first call for a chain moves it; the others find nothing beyond the head and change nothing.
CREATE FUNCTION ims_audit_chain_head() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    head      bigint;
    last_seq  bigint;
    last_hash varchar(64);
BEGIN
    SELECT c.head_seq INTO head FROM audit_chain c WHERE c.chain_id = NEW.chain_id;
    IF NEW.chain_seq <= head THEN
        RETURN NULL;
    END IF;
    -- The bound is a value, not a join: the index then starts beyond the head.
    SELECT a.chain_seq, a.hash INTO last_seq, last_hash FROM audit_log a
     WHERE a.chain_id = NEW.chain_id AND a.chain_seq > head
     ORDER BY a.chain_seq DESC
     LIMIT 1;
    UPDATE audit_chain c SET head_seq = last_seq, head_hash = last_hash
     WHERE c.chain_id = NEW.chain_id;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER audit_log_chain_head AFTER INSERT ON audit_log
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ims_audit_chain_head();

-- Retires the oldest rows of one chain of a class, the first chain after p_after_chain that has
-- any: the rows before the first one younger than p_older_than, at most p_limit (and at most
-- 50,000) per call, so that each call is a short transaction. Deletes them, or anonymises them
-- (the actor's identity: user, username, address, request), as the class's rule says; either way
-- the chain's start moves to the last retired row, whose hash the next row names as its
-- predecessor. Returns nothing when no chain after p_after_chain has rows to retire; fewer rows
-- than p_limit when the chain has no more. Refuses a period shorter than the rule's minimum age.
-- Where the part of the chain to retire does not verify, retires nothing and says where
-- (broken_at): retention must never remove the evidence of tampering; the caller goes on with the
-- next chain.
CREATE FUNCTION ims_audit_retire(p_class varchar, p_older_than interval, p_limit integer,
                                 p_after_chain integer DEFAULT 0)
    RETURNS TABLE (chain_id smallint, start_seq bigint, start_hash varchar, retired bigint,
                   broken_at bigint)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET lock_timeout = '15s'
AS $$
DECLARE
    rule   audit_retention_rule;
    cutoff timestamptz := now() - p_older_than;
    budget integer := least(p_limit, 50000);
    c      audit_chain;
    upto   bigint;
    broken bigint;
    last   varchar(64);
    n      bigint;
BEGIN
    SELECT * INTO rule FROM audit_retention_rule r WHERE r.retention_class = p_class;
    IF NOT FOUND OR rule.handling = 'KEEP' THEN
        RAISE EXCEPTION 'audit records of class % are not retired', p_class USING ERRCODE = '22023';
    END IF;
    IF p_limit IS NULL OR p_limit < 1 OR cutoff IS NULL THEN
        RAISE EXCEPTION 'a period and a batch size are required' USING ERRCODE = '22023';
    END IF;
    IF cutoff > now() - rule.minimum_age THEN
        RAISE EXCEPTION 'audit records of class % are kept at least % (audit_retention_rule), not %',
            p_class, rule.minimum_age, p_older_than USING ERRCODE = '22023';
    END IF;
    FOR c IN SELECT * FROM audit_chain ch
              WHERE ch.retention_class = p_class AND ch.chain_id > coalesce(p_after_chain, 0)
              ORDER BY ch.chain_id LOOP
        PERFORM 1 FROM audit_log a
         WHERE a.chain_id = c.chain_id AND a.chain_seq = c.start_seq + 1 AND a.occurred_at < cutoff;
        CONTINUE WHEN NOT FOUND;
        -- Locked (waiting for a transaction appending to it), then read again.
        SELECT * INTO c FROM audit_chain ch WHERE ch.chain_id = c.chain_id FOR UPDATE;
        SELECT max(p.chain_seq) FILTER (WHERE p.all_old),
               min(p.chain_seq) FILTER (WHERE p.all_old AND NOT p.intact)
          INTO upto, broken
          FROM (SELECT a.chain_seq,
                       bool_and(a.occurred_at < cutoff) OVER w AS all_old,
                       ims_audit_hash(a, a.prev_hash) = a.hash
                         AND a.chain_seq = coalesce(lag(a.chain_seq) OVER w, c.start_seq) + 1
                         AND a.prev_hash IS NOT DISTINCT FROM
                             CASE WHEN lag(a.chain_seq) OVER w IS NULL THEN c.start_hash
                                  ELSE lag(a.hash) OVER w END AS intact
                  FROM audit_log a
                 WHERE a.chain_id = c.chain_id AND a.chain_seq > c.start_seq
                WINDOW w AS (ORDER BY a.chain_seq)
                 ORDER BY a.chain_seq
                 LIMIT budget) p;
        CONTINUE WHEN upto IS NULL;
        IF broken IS NOT NULL THEN
            RETURN QUERY SELECT c.chain_id, c.start_seq, c.start_hash, 0::bigint, broken;
            RETURN;
        END IF;
        SELECT a.hash INTO last FROM audit_log a WHERE a.chain_id = c.chain_id AND a.chain_seq = upto;
        IF rule.handling = 'DELETE' THEN
            DELETE FROM audit_log a
             WHERE a.chain_id = c.chain_id AND a.chain_seq > c.start_seq AND a.chain_seq <= upto;
        ELSE
            UPDATE audit_log a SET user_id = NULL, username = NULL, ip_address = NULL, request_id = NULL
             WHERE a.chain_id = c.chain_id AND a.chain_seq > c.start_seq AND a.chain_seq <= upto;
        END IF;
        GET DIAGNOSTICS n = ROW_COUNT;
        UPDATE audit_chain ch SET start_seq = upto, start_hash = last, start_moved_at = now()
         WHERE ch.chain_id = c.chain_id;
        RETURN QUERY SELECT c.chain_id, upto, last, n, NULL::bigint;
        RETURN;
    END LOOP;
END
$$;

-- Login attempts are part of the authentication log: kept as long as its rule says, at least.
CREATE INDEX idx_login_attempts_time ON login_attempts (attempted_at);
CREATE FUNCTION ims_purge_login_attempts(p_older_than interval, p_limit integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    minimum interval := (SELECT minimum_age FROM audit_retention_rule WHERE retention_class = 'authentication');
    n       integer;
BEGIN
    IF p_limit IS NULL OR p_limit < 1 OR p_older_than IS NULL
       OR now() - p_older_than > now() - minimum THEN
        RAISE EXCEPTION 'login attempts are kept at least % (audit_retention_rule), not %',
            minimum, p_older_than USING ERRCODE = '22023';
    END IF;
    DELETE FROM login_attempts WHERE id IN (
        SELECT id FROM login_attempts WHERE attempted_at < now() - p_older_than
         ORDER BY attempted_at LIMIT least(p_limit, 50000));
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- Sessions that ended (expired or revoked) over p_ended_for ago, with their refresh tokens, and
-- refresh tokens that expired that long ago. A session still open is never touched.
CREATE INDEX idx_auth_sessions_end ON auth_sessions ((least(expires_at, coalesce(revoked_at, expires_at))));
CREATE INDEX idx_refresh_tokens_expiry ON refresh_tokens (expires_at);
CREATE FUNCTION ims_purge_ended_sessions(p_ended_for interval, p_limit integer)
    RETURNS TABLE (sessions_deleted bigint, tokens_deleted bigint)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    cutoff timestamptz := now() - p_ended_for;
    batch  integer := least(p_limit, 50000);
BEGIN
    IF p_limit IS NULL OR p_limit < 1 OR p_ended_for IS NULL OR p_ended_for < interval '0' THEN
        RAISE EXCEPTION 'a period of at least zero and a batch size are required' USING ERRCODE = '22023';
    END IF;
    RETURN QUERY
    WITH s AS (SELECT a.id FROM auth_sessions a
                WHERE least(a.expires_at, coalesce(a.revoked_at, a.expires_at)) < cutoff
                LIMIT batch),
         t AS (DELETE FROM refresh_tokens r
                WHERE r.session_id IN (SELECT id FROM s)
                   OR r.token_hash IN (SELECT x.token_hash FROM refresh_tokens x
                                        WHERE x.expires_at < cutoff LIMIT batch)
               RETURNING 1),
         d AS (DELETE FROM auth_sessions a WHERE a.id IN (SELECT id FROM s) RETURNING 1)
    SELECT (SELECT count(*) FROM d), (SELECT count(*) FROM t);
END
$$;

-- The retention functions are for the application role only (functions are executable by PUBLIC
-- unless revoked).
REVOKE ALL ON FUNCTION ims_audit_retire(varchar, interval, integer, integer),
    ims_purge_login_attempts(interval, integer), ims_purge_ended_sessions(interval, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ims_audit_retire(varchar, interval, integer, integer),
    ims_purge_login_attempts(interval, integer), ims_purge_ended_sessions(interval, integer),
    ims_audit_retention_class(varchar) TO "${app_user}";
GRANT SELECT ON audit_chain, audit_retention_rule TO "${app_user}";
-- Unchanged since V1, said again: the application role adds and reads audit rows, nothing more.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM "${app_user}";

-- The migration itself, in the trail: where the single chain ended and whether it verified.
INSERT INTO audit_log (occurred_at, username, action, details)
SELECT now(), 'system', 'AUDIT_CHAIN_MIGRATED',
       jsonb_build_object('legacyRows', v.legacy_rows, 'legacyHeadSequence', v.head_seq,
                          'legacyHeadHash', v.head_hash, 'legacyIntact', v.broken_at IS NULL,
                          'legacyBrokenAtSequence', v.broken_at,
                          'chains', (SELECT count(*) FROM audit_chain))
FROM legacy_verdict v;
DROP TABLE legacy_verdict;
