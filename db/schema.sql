-- Migrant Desk dataset schema. Written by `migrant-desk build`, opened read-only by the app.
-- Localised values that are only displayed (never filtered on) are JSON objects {lang: text}.
-- Bump SCHEMA_VERSION in desktop/core/store.py whenever this file changes: an app installs a pack only if its
-- database has exactly this shape (desktop/core/updates/schema_check.py), so even a new table makes older apps
-- refuse the pack; with a new SCHEMA_VERSION they say "needs a newer version of Migrant Desk" (docs/updates.md).

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE countries (
    code        TEXT PRIMARY KEY,          -- ISO 3166-1 alpha-2
    name        TEXT NOT NULL,             -- JSON {lang: name}
    citizenship INTEGER NOT NULL,          -- offered as a client citizenship in the app
    eaeu        INTEGER NOT NULL
);

CREATE TABLE federal_districts (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL                     -- JSON {lang: name}
);

CREATE TABLE regions (
    code             TEXT PRIMARY KEY,     -- ISO 3166-2:RU
    federal_district TEXT NOT NULL REFERENCES federal_districts(code),
    name             TEXT NOT NULL,        -- JSON {lang: name}
    name_ru          TEXT NOT NULL,
    name_en          TEXT NOT NULL
);

-- the everyday words of each procedure topic, indexed with a procedure's title (db/content/topics.yaml).
-- Added within schema 1: a dataset built before it has no such table, and its index has no topic words.
CREATE TABLE topic_words (
    topic TEXT NOT NULL,
    lang  TEXT NOT NULL,
    words TEXT NOT NULL,                   -- words separated by spaces
    PRIMARY KEY (topic, lang)
);

-- what the search recognises in a question (db/content/places.yaml, stopwords.yaml, topics.yaml intents):
-- kind 'citizenship' (code UZ …), 'region' (RU-TA …) or 'intent' (contact) with comma-separated names, or
-- kind 'stop' (code '') with words separated by spaces. Added with schema 2.
CREATE TABLE search_words (
    kind  TEXT NOT NULL,
    code  TEXT NOT NULL,
    lang  TEXT NOT NULL,
    words TEXT NOT NULL,
    PRIMARY KEY (kind, code, lang)
);

CREATE TABLE records (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('agreement', 'procedure', 'contact')),
    subtype         TEXT,                  -- agreement_type / topic / contact type
    ref             TEXT,                  -- dossier mark (G-11 …)
    status          TEXT NOT NULL,
    confidence      TEXT NOT NULL,
    confidence_note TEXT,                  -- JSON
    verified_on     TEXT NOT NULL,
    date_signed     TEXT,
    date_valid_from TEXT,
    date_valid_to   TEXT,
    date_event      TEXT,
    source_file     TEXT,
    review_by       TEXT                   -- YYYY-MM-DD; past it the app shows "needs review" (schema 2)
);
CREATE INDEX records_kind ON records(kind);

CREATE TABLE texts (
    record_id   TEXT NOT NULL REFERENCES records(id),
    lang        TEXT NOT NULL,
    title       TEXT NOT NULL,
    summary     TEXT NOT NULL,
    body        TEXT NOT NULL,
    translation TEXT NOT NULL,
    PRIMARY KEY (record_id, lang)
);

-- applies_to (agreements, procedures) or serves (contacts); 'all' for every citizenship
CREATE TABLE record_citizenships (
    record_id TEXT NOT NULL REFERENCES records(id),
    code      TEXT NOT NULL,
    PRIMARY KEY (record_id, code)
);

-- the regions a record applies to; 'all' for every region
CREATE TABLE record_regions (
    record_id TEXT NOT NULL REFERENCES records(id),
    code      TEXT NOT NULL,
    PRIMARY KEY (record_id, code)
);

CREATE TABLE parties (
    record_id TEXT NOT NULL REFERENCES records(id),
    position  INTEGER NOT NULL,
    code      TEXT,                        -- country or region code
    name      TEXT,                        -- JSON, for organisations
    PRIMARY KEY (record_id, position)
);

CREATE TABLE steps (
    record_id  TEXT NOT NULL REFERENCES records(id),
    position   INTEGER NOT NULL,           -- 1-based order
    text       TEXT NOT NULL,              -- JSON
    where_text TEXT,                       -- JSON
    applies_to TEXT NOT NULL,              -- JSON list
    confidence TEXT NOT NULL,
    note       TEXT,                       -- JSON
    PRIMARY KEY (record_id, position)
);

CREATE TABLE deadlines (
    record_id    TEXT NOT NULL REFERENCES records(id),
    step         INTEGER NOT NULL,
    position     INTEGER NOT NULL,
    days         INTEGER,
    months       INTEGER,
    counted_from TEXT NOT NULL,
    working_days INTEGER NOT NULL,
    before       INTEGER NOT NULL,
    applies_to   TEXT NOT NULL,            -- JSON list
    note         TEXT,                     -- JSON
    PRIMARY KEY (record_id, step, position)
);

CREATE TABLE documents (
    record_id  TEXT NOT NULL REFERENCES records(id),
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,              -- JSON
    applies_to TEXT NOT NULL,              -- JSON list
    confidence TEXT NOT NULL,
    note       TEXT,
    PRIMARY KEY (record_id, position)
);

CREATE TABLE fees (
    record_id  TEXT NOT NULL REFERENCES records(id),
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,              -- JSON
    applies_to TEXT NOT NULL,              -- JSON list
    amount     REAL,
    currency   TEXT,
    source     TEXT,
    confidence TEXT NOT NULL,
    note       TEXT,
    PRIMARY KEY (record_id, position)
);

CREATE TABLE legal_basis (
    record_id TEXT NOT NULL REFERENCES records(id),
    position  INTEGER NOT NULL,
    to_id     TEXT REFERENCES records(id),
    law       TEXT,                        -- JSON, a law without a record of its own
    PRIMARY KEY (record_id, position)
);

CREATE TABLE contacts (
    record_id TEXT PRIMARY KEY REFERENCES records(id),
    type      TEXT NOT NULL,
    city      TEXT,                        -- JSON
    region    TEXT,
    district  TEXT,                        -- JSON {regions, federal_districts, all, source, note}
    address   TEXT,                        -- JSON fact {text, source, confidence, note}
    email     TEXT,                        -- JSON fact {value, …}
    website   TEXT,
    hours     TEXT,
    head      TEXT
);

-- a contact's district expanded to region codes ('all' when it serves everywhere)
CREATE TABLE contact_regions (
    record_id TEXT NOT NULL REFERENCES records(id),
    code      TEXT NOT NULL,
    via       TEXT NOT NULL,               -- 'located', 'region', a federal district code, or 'all'
    PRIMARY KEY (record_id, code, via)
);

CREATE TABLE phones (
    record_id  TEXT NOT NULL REFERENCES records(id),
    position   INTEGER NOT NULL,
    number     TEXT NOT NULL,              -- as written
    dial       TEXT NOT NULL,              -- digits only, with + for international numbers
    label      TEXT NOT NULL,
    short_in   TEXT,                       -- country where a short number can be dialled
    source     TEXT,
    confidence TEXT NOT NULL,
    note       TEXT,
    PRIMARY KEY (record_id, position)
);

CREATE TABLE links (
    from_id  TEXT NOT NULL REFERENCES records(id),
    position INTEGER NOT NULL,
    rel      TEXT NOT NULL,
    to_id    TEXT NOT NULL REFERENCES records(id),
    PRIMARY KEY (from_id, position)
);
CREATE INDEX links_to ON links(to_id);

CREATE TABLE sources (
    record_id TEXT NOT NULL,               -- a record id, or 'regions' / 'countries'
    position  INTEGER NOT NULL,
    source_id TEXT,
    url       TEXT,
    title     TEXT,
    publisher TEXT,
    date      TEXT,
    note      TEXT,
    type      TEXT,                        -- official, code, ngo, news or commercial (schema 2)
    PRIMARY KEY (record_id, position)
);

CREATE TABLE notes (
    record_id TEXT NOT NULL REFERENCES records(id),
    position  INTEGER NOT NULL,
    type      TEXT NOT NULL,
    text      TEXT NOT NULL,               -- JSON
    PRIMARY KEY (record_id, position)
);
