-- Benchmark data set (org.ims.bench.SearchBenchmark): ${bench_rows} interactions over 100 sites
-- (1,000,000 at the full scale). Site "Bench 001" holds a fifth (200,000 at the full scale); the
-- other 99 share the rest (about 8,080 each at the full scale), their rows
-- interleaved on disk as a shared database's would be. Five years of
-- dates, 7 types per site, 240 leads, 60 locations, 24 time zones, descriptions and notes built
-- from a vocabulary of everyday meeting prose. One word, "zanzibar", is rare (about 1 in 10,000).
--
-- Run as a superuser on a freshly migrated, empty schema. The interactions indexes are dropped
-- for the load and rebuilt from their own definitions afterwards (much faster than maintaining
-- four GIN indexes row by row); nothing here restates the schema.
-- The user "bench" (password in SearchBenchmark) is an EDITOR of the two measured sites, as a
-- person is a member of a few sites (each token lists its user's sites).

SET maintenance_work_mem = '1GB';
SELECT setseed(0.42);

INSERT INTO sites (name, description)
SELECT format('Bench %s', lpad(n::text, 3, '0')),
       CASE WHEN n = 1 THEN 'The large site (200,000 interactions)' ELSE 'A typical site' END
FROM generate_series(1, 100) AS n;

INSERT INTO users (username, email, password_hash)
SELECT 'bench', 'bench@example.org', ${bench_hash}
UNION ALL
SELECT format('author%s', n), format('author%s@example.org', n), ${bench_hash}
FROM generate_series(1, 20) AS n;

INSERT INTO user_site (user_id, site_id, role, is_default)
SELECT u.id, s.id, 'EDITOR', s.name = 'Bench 001'
FROM users u CROSS JOIN sites s
WHERE u.username = 'bench' AND s.name IN ('Bench 001', 'Bench 050');

INSERT INTO interaction_types (site_id, name, position)
SELECT s.id, t.name, t.ord
FROM sites s
CROSS JOIN unnest(ARRAY['Meeting', 'Call', 'Email', 'Update', 'Review', 'Training', 'Other'])
     WITH ORDINALITY AS t(name, ord);

CREATE TEMP TABLE dropped_indexes AS
SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition
FROM pg_index
WHERE indrelid = 'interactions'::regclass AND NOT indisprimary;

DO $$
DECLARE
    ix record;
BEGIN
    FOR ix IN SELECT name FROM dropped_indexes LOOP
        EXECUTE format('DROP INDEX %s', ix.name);
    END LOOP;
END $$;

CREATE TEMP TABLE vocab AS
SELECT
    ARRAY['Quarterly budget review', 'Vendor onboarding call', 'Fire safety training',
          'Client kickoff meeting', 'Weekly operations sync', 'Security audit walkthrough',
          'Hiring panel debrief', 'Product roadmap update', 'Supplier contract negotiation',
          'New starter induction', 'Board preparation session', 'Customer escalation call',
          'Data protection refresher', 'Site inspection', 'Partner business review',
          'Incident post-mortem', 'Equipment maintenance review', 'Grant application workshop',
          'Lab results discussion', 'Community outreach planning', 'Annual performance review',
          'Sprint retrospective', 'Facilities handover', 'Regulatory compliance check',
          'Stakeholder update', 'Procurement approval', 'Research ethics committee',
          'Field survey briefing', 'Knowledge sharing session', 'Crisis communication drill',
          'Pricing strategy discussion', 'Warehouse stock count', 'Marketing campaign review',
          'IT migration planning', 'Health and safety walk', 'Travel policy briefing',
          'Customer satisfaction survey', 'Logistics coordination call', 'Mentoring session',
          'Town hall meeting'] AS titles,
    ARRAY['Meeting', 'Call', 'Email', 'Update', 'Review', 'Training', 'Other'] AS types,
    ARRAY['Amelia', 'Benjamin', 'Chloé', 'Daniel', 'Elena', 'Farah', 'George', 'Hiroshi',
          'Isabel', 'Jonas', 'Kavya', 'Liam', 'Maya', 'Noah', 'Olivia', 'Priya', 'Rafael',
          'Sofia', 'Tomás', 'Yusuf'] AS first_names,
    ARRAY['Hughes', 'Carter', 'Dubois', 'Okafor', 'Petrova', 'Khan', 'Whitfield', 'Tanaka',
          'Moreno', 'Müller', 'Iyer', 'O''Connor'] AS last_names,
    ARRAY['Board Room', 'Conference Room A', 'Conference Room B', 'Microsoft Teams', 'Zoom',
          'Client office', 'Warehouse', 'Training Centre', 'Main Lab', 'Reception', 'Field site',
          'Café Rouge', 'Phone', 'Canteen', 'Library'] AS places,
    ARRAY['London', 'Manchester', 'Leeds', 'Berlin', 'Paris', 'Madrid'] AS cities,
    ARRAY['Europe/London', 'Europe/Paris', 'Europe/Berlin', 'Europe/Madrid', 'Europe/Warsaw',
          'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles',
          'America/Sao_Paulo', 'America/Toronto', 'Asia/Tokyo', 'Asia/Kolkata', 'Asia/Singapore',
          'Asia/Dubai', 'Asia/Shanghai', 'Australia/Sydney', 'Australia/Perth',
          'Pacific/Auckland', 'Africa/Johannesburg', 'Africa/Lagos', 'Africa/Nairobi',
          'Europe/Istanbul', 'UTC'] AS zones,
    ARRAY['Reviewed progress against the agreed objectives and identified the main risks.',
          'Walked through the proposal line by line and captured the open questions.',
          'Covered responsibilities, escalation paths and the tools everyone will use.',
          'Discussed last month''s figures and the variance against the forecast.',
          'Hands-on exercises; attendance recorded for the compliance register.',
          'Shared the status with the wider team, including blockers and decisions needed.',
          'The customer raised concerns about delivery dates and the quality of support.',
          'Agreed the scope of the next phase and the budget that goes with it.',
          'Inspected the equipment and logged two defects for the maintenance team.',
          'Compared three supplier quotes and shortlisted two for a second round.',
          'Explained the new travel and expenses policy and answered questions.',
          'Planned the recruitment campaign for the autumn intake of graduates.',
          'Went through the audit findings and assigned an owner to each action.',
          'Presented the draft roadmap; priorities will be confirmed by the board.',
          'Reviewed the incident timeline and the monitoring gaps it revealed.',
          'Trained the new starters on the customer relationship system.',
          'Checked stock levels against the records and reconciled differences.',
          'Prepared the grant application and split the writing between partners.',
          'Collected feedback from the community about the proposed opening hours.',
          'Clarified the data retention rules that apply to research participants.'] AS sentences,
    ARRAY['Action: circulate minutes by Friday.', 'Follow up with finance about the revised quote.',
          'Two attendees joined remotely; audio was poor at times.',
          'Next session to be booked for next quarter.', 'Decision recorded: proceed with option B.',
          'Waiting for legal to confirm the contract wording.', 'Slides shared on the intranet.',
          'Risk register updated after the meeting.', 'Customer asked for a written summary.',
          'Escalated to the regional manager.', 'Budget owner to approve before the end of month.',
          'Photos of the site attached to the report.'] AS remarks;

INSERT INTO interactions (site_id, title, type, lead, start_datetime, end_datetime, timezone,
                          location, description, notes, created_by, created_at)
SELECT site.id,
       v.titles[1 + (r.t * 40)::int % 40]
           || CASE WHEN r.t2 < 0.3 THEN ' ' || v.cities[1 + (r.t2 * 60)::int % 6] ELSE '' END,
       v.types[1 + (r.k * 7)::int % 7],
       v.first_names[1 + (r.l * 20)::int % 20] || ' ' || v.last_names[1 + (r.l2 * 12)::int % 12],
       r.starts,
       r.starts + make_interval(mins => 15 * (1 + (r.d * 16)::int)),
       v.zones[1 + (r.z * 24)::int % 24],
       CASE WHEN r.p < 0.1 THEN NULL
            ELSE v.places[1 + (r.p * 15)::int % 15] || ', ' || v.cities[1 + (r.p2 * 6)::int % 6] END,
       v.sentences[1 + (r.s1 * 20)::int % 20] || ' ' || v.sentences[1 + (r.s2 * 20)::int % 20]
           || CASE WHEN r.s3 < 0.5 THEN ' ' || v.sentences[1 + (r.s3 * 40)::int % 20] ELSE '' END,
       CASE WHEN r.m < 0.3 THEN NULL
            ELSE v.remarks[1 + (r.m * 12)::int % 12]
                 || CASE WHEN r.n % 9973 = 0 THEN ' Check with the Zanzibar office.' ELSE '' END END,
       author.id,
       r.starts - interval '2 days'
FROM vocab v,
     LATERAL (
         SELECT n, random() AS t, random() AS t2, random() AS k, random() AS l, random() AS l2,
                random() AS d, random() AS z, random() AS p, random() AS p2, random() AS s1,
                random() AS s2, random() AS s3, random() AS m, random() AS a,
                timestamptz '2021-11-22 00:00 UTC'
                    + make_interval(mins => 15 * (random() * 5 * 365 * 96)::int) AS starts,
                CASE WHEN n % 5 = 0 THEN 1 ELSE 2 + n % 99 END AS site_number
         FROM generate_series(1, ${bench_rows}) AS n
     ) AS r
JOIN sites site ON site.name = format('Bench %s', lpad(r.site_number::text, 3, '0'))
JOIN users author ON author.username = format('author%s', 1 + (r.a * 20)::int % 20);

DO $$
DECLARE
    ix record;
BEGIN
    FOR ix IN SELECT definition FROM dropped_indexes LOOP
        EXECUTE ix.definition;
    END LOOP;
END $$;
