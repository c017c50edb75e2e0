-- Global search matches every typed word as the start of a word of the record. The query side
-- (SearchText) splits what was typed at every character that is not a letter or digit; the
-- document side left that to PostgreSQL's text parser, which keeps e-mail addresses, host names,
-- paths and version numbers whole ("jane.doe@example.com" is one lexeme, so "jane" did not find
-- it) and reads hyphenated parts differently from the same letters typed alone ("8e4c" in
-- "ref-8e4c" is one lexeme, typed alone the parser makes it a number and a word: codes such as
-- UUIDs were not found four times in ten). Reading every ASCII punctuation character as a space
-- on the document side makes both sides split alike. It includes the angle brackets V3 already
-- read as spaces (the parser drops "<word ...>" as a markup tag).
--
-- Rewrites the column of every row and rebuilds its index: on a large installation this migration
-- takes a while, once: 45 s for 200,000 interactions on a busy 2-core machine.
ALTER TABLE interactions DROP COLUMN search_vector;
ALTER TABLE interactions ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, ims_unaccent(translate(
        coalesce(title, '') || ' ' || coalesce(type, '') || ' ' || coalesce(lead, '') || ' ' ||
        coalesce(location, '') || ' ' || coalesce(description, '') || ' ' || coalesce(notes, ''),
        '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~',
        '                                ')))
) STORED;
CREATE INDEX ftidx_interactions_text ON interactions USING gin (search_vector);
