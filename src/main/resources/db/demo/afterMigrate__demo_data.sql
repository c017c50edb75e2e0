-- Demo data for the embedded default (`mvn -Prun package`). Flyway runs this callback only when
-- ims.demo-data=true, which the development launcher and the test harness set and production
-- never does. It runs after every migration and does nothing once any site exists.
--
-- Passwords (bcrypt, cost 12): admin / Admin#2026pass, editor / Editor#2026pass,
-- viewer / Viewer#2026pass, lab / Lab#2026pass.
DO $demo$
DECLARE
    site          record;
    titles        text[] := ARRAY[
        'Quarterly budget review', 'Vendor onboarding call', 'Fire safety training', 'Client kickoff meeting',
        'Weekly operations sync', 'Security audit walkthrough', 'Hiring panel debrief', 'Product roadmap update',
        'Supplier contract negotiation', 'New starter induction', 'Board preparation session', 'Customer escalation call',
        'Data protection refresher', 'Site inspection', 'Partner quarterly business review', 'Incident post-mortem',
        'Equipment maintenance review', 'Grant application workshop', 'Lab results discussion', 'Community outreach planning',
        'Annual performance review', 'Sprint retrospective', 'Facilities handover', 'Regulatory compliance check',
        'Stakeholder update email', 'Procurement approval', 'Research ethics committee', 'Field survey briefing',
        'Cross-team knowledge share', 'Crisis communication drill'];
    types         text[] := ARRAY['Meeting', 'Call', 'Email', 'Update', 'Review', 'Training', 'Other'];
    leads         text[] := ARRAY[
        'Amelia Hughes', 'Benjamin Carter', 'Chloé Dubois', 'Daniel Okafor', 'Elena Petrova', 'Farah Khan',
        'George Whitfield', 'Hiroshi Tanaka', 'Isabel Moreno', 'Jonas Müller', 'Kavya Iyer', 'Liam O''Connor',
        'Maya Goldberg', 'Noah Williams', 'Olivia Brown', 'Priya Raman'];
    locations     text[] := ARRAY[
        'Board Room, 3rd floor', 'Conference Room A', 'Conference Room B', 'Microsoft Teams', 'Zoom',
        'Client office, Manchester', 'Warehouse 2', 'Training Centre', 'Main Lab, Building C', 'Reception',
        'Field site North', 'Café Rouge, High Street', 'Phone', 'Head office canteen', NULL];
    zones         text[] := ARRAY[
        'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Tokyo',
        'Australia/Sydney', 'Asia/Kolkata', 'America/Chicago'];
    descriptions  text[] := ARRAY[
        'Reviewed progress against the agreed objectives and identified the main risks for the next period.',
        'Walked through the proposal line by line; open questions were captured for follow-up by the owners.',
        'Introductory session covering responsibilities, escalation paths and the tools everyone will use.',
        'Discussed last month''s figures, the variance against forecast and the actions to close the gap.',
        'Hands-on session with practical exercises; attendance recorded for the compliance register.',
        'Short status update shared with the wider team, including blockers and decisions needed.',
        NULL];
    notes         text[] := ARRAY[
        'Action: circulate minutes by Friday.', 'Follow up with finance about the revised quote.',
        'Two attendees joined remotely; audio was poor at times.', 'Next session to be booked for next quarter.',
        'Decision recorded: proceed with option B.', NULL, NULL];
    counts        int[] := ARRAY[150, 120, 90];
    site_number   int := 0;
    author        bigint;
BEGIN
    IF EXISTS (SELECT 1 FROM sites) THEN
        RETURN;
    END IF;

    INSERT INTO sites (name, description) VALUES
        ('Headquarters', 'Head office: management, finance and operations.'),
        ('Field Office', 'Regional field operations and client visits.'),
        ('Research Lab', 'Laboratory research and trials.');

    INSERT INTO users (username, email, password_hash, global_admin) VALUES
        ('admin',  'admin@example.org',  '$2a$12$eQoUWhrJYMmrZK98ULevqOeY/wd3TdSuNNF59BT3IcTynWn7aZ4b6', true),
        ('editor', 'editor@example.org', '$2a$12$/4hbqSZlxeekQzfx5mDPqebX4q8kqwo1BJYwAtpfTzLdyf3pXvl96', false),
        ('viewer', 'viewer@example.org', '$2a$12$SyNuauw30Ll/pX7c6TCLuefUR6tfj4OU3LKCX5cjj0x7KNwBuwFyO', false),
        ('lab',    'lab@example.org',    '$2a$12$t2CRw7lRIpnBgg0LmAZafOfUpGiisJ1aKUrGlY9v2QqtJGNWLygbG', false);

    INSERT INTO user_site (user_id, site_id, role, is_default)
    SELECT u.id, s.id, m.role, m.is_default
    FROM (VALUES ('admin', 'Headquarters', 'ADMINISTRATOR', true),
                 ('admin', 'Field Office', 'ADMINISTRATOR', false),
                 ('editor', 'Field Office', 'EDITOR', true),
                 ('viewer', 'Headquarters', 'VIEWER', true),
                 ('lab', 'Research Lab', 'EDITOR', true)) AS m (username, site_name, role, is_default)
    JOIN users u ON u.username = m.username
    JOIN sites s ON s.name = m.site_name;

    FOR site IN SELECT id, name FROM sites ORDER BY id LOOP
        site_number := site_number + 1;
        -- Site-owned tables only accept rows of the transaction's active site (row-level security).
        PERFORM set_config('app.site_id', site.id::text, true);

        INSERT INTO interaction_types (site_id, name, position)
        SELECT site.id, t.name, t.ord FROM unnest(types) WITH ORDINALITY AS t (name, ord);

        SELECT us.user_id INTO author FROM user_site us
        WHERE us.site_id = site.id ORDER BY us.role = 'VIEWER', us.user_id LIMIT 1;

        -- Deterministic spread (multipliers prime to the array sizes) rather than random(),
        -- so that every fresh demo database holds the same records.
        INSERT INTO interactions (site_id, title, type, lead, start_datetime, end_datetime, timezone,
                                  location, description, notes, created_by, created_at)
        SELECT site.id,
               titles[1 + (g * 7 + site_number) % array_length(titles, 1)],
               types[1 + (g * 3 + site_number) % array_length(types, 1)],
               leads[1 + (g * 5 + site_number * 3) % array_length(leads, 1)],
               start_at,
               start_at + make_interval(mins => 30 * (1 + (g * 11) % 6)),
               zones[1 + (g * 13 + site_number) % array_length(zones, 1)],
               locations[1 + (g * 17 + site_number) % array_length(locations, 1)],
               descriptions[1 + (g * 19) % array_length(descriptions, 1)],
               notes[1 + (g * 23) % array_length(notes, 1)],
               author,
               start_at - interval '7 days'
        FROM generate_series(1, counts[site_number]) AS g,
             LATERAL (SELECT date_trunc('hour', now()) - interval '540 days'
                             + make_interval(days => (g * 37) % 630, hours => 8 + (g * 29) % 10,
                                             mins => 15 * ((g * 31) % 4)) AS start_at) AS t;
    END LOOP;

    PERFORM set_config('app.site_id', '', true);
END
$demo$;
