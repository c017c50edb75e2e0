-- Tamper evidence for the audit trail (issue 7). The application role may only add and read audit
-- rows (grants, below); on top of that every row carries a SHA-256 chained to the row before it, so
-- that a row edited or deleted later, by anyone who does not also recompute every hash after it,
-- breaks the chain where it happened.
--
-- The chain order is chain_seq, not id: identity values are handed out before transactions commit,
-- so two concurrent inserts can commit in the other order than their ids. chain_seq and prev_hash
-- are taken from a one-row head table while holding its row lock, which serialises appends (from
-- the insert to the end of the inserting transaction) and always sees the latest committed head.

ALTER TABLE audit_log
    ADD COLUMN chain_seq bigint,
    ADD COLUMN prev_hash varchar(64),
    ADD COLUMN hash      varchar(64);

-- One field of the hashed text: length-prefixed, so that no value can imitate a field boundary, and
-- NULL distinguishable from an empty string.
CREATE FUNCTION ims_audit_field(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT coalesce(char_length(value)::text || ':' || value, '-') $$;

-- The one place that says what a row's hash covers; the trigger and the verification both use it.
-- Text forms are fixed: the instant in UTC with microseconds, jsonb in PostgreSQL's normalised
-- output.
CREATE FUNCTION ims_audit_hash(a audit_log, previous varchar) RETURNS varchar
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT encode(sha256(convert_to(concat_ws('|',
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

CREATE TABLE audit_chain_head (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    chain_seq bigint      NOT NULL,
    hash      varchar(64)
);

-- Chain the rows written before this migration, oldest first.
DO $chain$
DECLARE
    r        audit_log;
    seq      bigint := 0;
    previous varchar(64);
BEGIN
    FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
        seq := seq + 1;
        r.chain_seq := seq;
        r.prev_hash := previous;
        r.hash := ims_audit_hash(r, previous);
        UPDATE audit_log SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, hash = r.hash
            WHERE id = r.id;
        previous := r.hash;
    END LOOP;
    INSERT INTO audit_chain_head (chain_seq, hash) VALUES (seq, previous);
END
$chain$;

ALTER TABLE audit_log
    ALTER COLUMN chain_seq SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL;
CREATE UNIQUE INDEX idx_audit_log_chain ON audit_log (chain_seq);

-- Whatever the inserting client sends for the chain columns is replaced. SECURITY DEFINER: the
-- application role gets no privilege on the head table, so it cannot move the head itself.
-- The head stays locked until the inserting transaction ends. A transaction that waited on itself
-- (an audit row, then a security event in a suspended-and-new transaction of the same thread)
-- would never be detected as a deadlock: the lock timeout turns such a hang into an error.
CREATE FUNCTION ims_audit_chain() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET lock_timeout = '15s'
AS $$
DECLARE
    head audit_chain_head;
BEGIN
    SELECT * INTO STRICT head FROM audit_chain_head FOR UPDATE;
    NEW.chain_seq := head.chain_seq + 1;
    NEW.prev_hash := head.hash;
    NEW.hash := ims_audit_hash(NEW, head.hash);
    UPDATE audit_chain_head SET chain_seq = NEW.chain_seq, hash = NEW.hash;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION ims_audit_chain();

-- Already so since V1; said again here because the chain depends on it.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM "${app_user}";
GRANT SELECT ON audit_chain_head TO "${app_user}";
GRANT EXECUTE ON FUNCTION ims_audit_field(text), ims_audit_hash(audit_log, varchar) TO "${app_user}";
