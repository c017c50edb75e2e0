-- The Finder at scale (a site of 200,000 interactions; see the README's Performance section).

-- Sorting and filtering compare text case-insensitively, so the per-column indexes hold lower(...)
-- (and the id, the tie-breaker of every order) to serve both ORDER BY and "type IN (...)" /
-- duplicate-title lookups.
DROP INDEX idx_interactions_site_type;
DROP INDEX idx_interactions_site_lead;
DROP INDEX idx_interactions_site_title;
CREATE INDEX idx_interactions_site_type ON interactions (site_id, lower(type), id) WHERE deleted_at IS NULL;
CREATE INDEX idx_interactions_site_lead ON interactions (site_id, lower(lead), id) WHERE deleted_at IS NULL;
CREATE INDEX idx_interactions_site_title ON interactions (site_id, lower(title), id) WHERE deleted_at IS NULL;

-- Global search: PostgreSQL's text parser takes "<word ...>" for a markup tag and drops it, so a
-- title such as "<script> audit" could not be found by "script". Angle brackets are read as spaces.
ALTER TABLE interactions DROP COLUMN search_vector;
ALTER TABLE interactions ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, ims_unaccent(translate(
        coalesce(title, '') || ' ' || coalesce(type, '') || ' ' || coalesce(lead, '') || ' ' ||
        coalesce(location, '') || ' ' || coalesce(description, '') || ' ' || coalesce(notes, ''),
        '<>', '  ')))
) STORED;
CREATE INDEX ftidx_interactions_text ON interactions USING gin (search_vector);

-- Per site, kept by the database itself:
--   live     live interactions, exact. The Finder shows the site's total ("28 filtered from 125")
--            with every page; counting a large site's rows for each request would cost more than
--            reading the page.
--   longest  an upper bound of how long its interactions last (it grows, never shrinks). A date
--            range finds interactions that *overlap* it, "end > from AND start < to", which no
--            index can bound from below; "start > from - longest" is implied and can be.
CREATE TABLE site_interaction_stats (
    site_id bigint   PRIMARY KEY REFERENCES sites (id),
    live    bigint   NOT NULL,
    longest interval NOT NULL
);

INSERT INTO site_interaction_stats (site_id, live, longest)
SELECT s.id,
       (SELECT count(*) FROM interactions i WHERE i.site_id = s.id AND i.deleted_at IS NULL),
       coalesce((SELECT max(end_datetime - start_datetime) FROM interactions i WHERE i.site_id = s.id),
                interval '0')
FROM sites s;

-- Statement-level, from the transition tables: a bulk load writes one row per site, not one per
-- interaction. Runs as the owner, so that the application role needs no write access.
CREATE FUNCTION ims_keep_site_interaction_stats() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE site_interaction_stats s SET live = s.live - d.n
        FROM (SELECT site_id, count(*) AS n FROM old_rows WHERE deleted_at IS NULL GROUP BY site_id) d
        WHERE s.site_id = d.site_id;
        RETURN NULL;
    END IF;

    IF TG_OP = 'INSERT' THEN
        INSERT INTO site_interaction_stats AS s (site_id, live, longest)
        SELECT site_id, count(*) FILTER (WHERE deleted_at IS NULL), max(end_datetime - start_datetime)
        FROM new_rows GROUP BY site_id
        ON CONFLICT (site_id) DO UPDATE
            SET live = s.live + excluded.live, longest = greatest(s.longest, excluded.longest);
        RETURN NULL;
    END IF;

    -- UPDATE: only a change of "deleted" (soft delete, restore) or of site moves a count, and only a
    -- longer interaction moves the bound; an ordinary edit must not lock the site's row.
    INSERT INTO site_interaction_stats AS s (site_id, live, longest)
    SELECT site_id, sum(n), interval '0' FROM (
        SELECT site_id, 1 AS n FROM new_rows WHERE deleted_at IS NULL
        UNION ALL
        SELECT site_id, -1 FROM old_rows WHERE deleted_at IS NULL
    ) changes
    GROUP BY site_id HAVING sum(n) <> 0
    ON CONFLICT (site_id) DO UPDATE SET live = s.live + excluded.live;
    UPDATE site_interaction_stats s SET longest = n.longest
    FROM (SELECT site_id, max(end_datetime - start_datetime) AS longest FROM new_rows GROUP BY site_id) n
    WHERE s.site_id = n.site_id AND s.longest < n.longest;
    RETURN NULL;
END
$$;

CREATE TRIGGER interactions_stats_insert AFTER INSERT ON interactions
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ims_keep_site_interaction_stats();
CREATE TRIGGER interactions_stats_update AFTER UPDATE ON interactions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ims_keep_site_interaction_stats();
CREATE TRIGGER interactions_stats_delete AFTER DELETE ON interactions
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ims_keep_site_interaction_stats();

ALTER TABLE site_interaction_stats ENABLE ROW LEVEL SECURITY;
CREATE POLICY site_interaction_stats_site_isolation ON site_interaction_stats
    USING (site_id = ims_current_site());
GRANT SELECT ON site_interaction_stats TO "${app_user}";
