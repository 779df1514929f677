/**
 * The schema, one step per released change; `PRAGMA user_version` records how
 * many have run. Never edit a step that has shipped: add the next one.
 */
export const migrations: string[] = [
  `
  CREATE TABLE services (
    service_code TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    -- Localized texts and the attribute list, as in seed/services.json.
    data TEXT NOT NULL CHECK (json_valid(data))
  );

  CREATE TABLE service_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    service_request_id TEXT NOT NULL UNIQUE,
    service_code TEXT NOT NULL REFERENCES services (service_code),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    status_notes TEXT,
    agency_responsible TEXT,
    service_notice TEXT,
    description TEXT,
    address_string TEXT,
    address_id TEXT,
    lat REAL,
    long REAL,
    first_name TEXT,
    last_name TEXT,
    phone TEXT,
    email TEXT,
    device_id TEXT,
    account_id TEXT,
    jurisdiction_id TEXT,
    attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
    media_urls TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(media_urls)),
    requested_datetime TEXT NOT NULL,
    updated_datetime TEXT NOT NULL,
    expected_datetime TEXT
  );
  CREATE INDEX service_requests_by_time ON service_requests (requested_datetime);
  CREATE INDEX service_requests_by_code ON service_requests (service_code, requested_datetime);

  -- The first answer to each Idempotency-Key, replayed for its retries.
  CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'done')),
    status INTEGER,
    body TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
  ) WITHOUT ROWID;

  CREATE TABLE survey_responses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    service_id TEXT NOT NULL,
    scale TEXT NOT NULL,
    rating INTEGER NOT NULL,
    reasons TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reasons)),
    comment TEXT,
    callback_name TEXT,
    callback_phone TEXT,
    page_url TEXT,
    locale TEXT,
    submitted_at TEXT,
    received_at TEXT NOT NULL
  );
  CREATE INDEX survey_responses_by_service ON survey_responses (service_id, scale, received_at);

  CREATE TABLE notices (
    id TEXT PRIMARY KEY,
    -- Localized texts, tags and attachments, as in seed/notices.json.
    data TEXT NOT NULL CHECK (json_valid(data)),
    date_published TEXT NOT NULL,
    date_modified TEXT
  );

  CREATE TABLE service_points (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    lat REAL NOT NULL,
    long REAL NOT NULL,
    data TEXT NOT NULL CHECK (json_valid(data))
  );
  `,
  // 2: facts about the database itself. 'seeded' records that the demo data was
  // loaded, or that the database had data of its own, so that the demo is never
  // loaded again and tables emptied on purpose stay empty.
  `
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;

  -- A database that already has data was seeded before, or filled by its district.
  INSERT INTO meta (key, value)
  SELECT 'seeded', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  WHERE EXISTS (SELECT 1 FROM services) OR EXISTS (SELECT 1 FROM notices) OR EXISTS (SELECT 1 FROM service_points);
  `,
  // 3: each try that holds an Idempotency-Key has its own id, so that a try that
  // was taken over can neither complete nor free the key; and a fingerprint of
  // the request, so that the key reused for another request is refused.
  `
  ALTER TABLE idempotency_keys ADD COLUMN attempt TEXT;
  ALTER TABLE idempotency_keys ADD COLUMN fingerprint TEXT;
  `,
  // 4: what the public may see of a report (staff decide), reports held as
  // suspected spam, when a report was closed (the retention clock) and when it
  // was anonymized; survey call-backs staff have handled. The queue index
  // serves the staff list, open reports oldest first.
  `
  ALTER TABLE service_requests ADD COLUMN public_description TEXT;
  ALTER TABLE service_requests ADD COLUMN media_public INTEGER NOT NULL DEFAULT 0 CHECK (media_public IN (0, 1));
  ALTER TABLE service_requests ADD COLUMN review TEXT CHECK (review IN ('suspected-spam'));
  ALTER TABLE service_requests ADD COLUMN closed_datetime TEXT;
  ALTER TABLE service_requests ADD COLUMN anonymized_datetime TEXT;
  UPDATE service_requests SET closed_datetime = updated_datetime WHERE status = 'closed';
  CREATE INDEX service_requests_queue ON service_requests (status, id);
  CREATE INDEX service_requests_closed ON service_requests (closed_datetime) WHERE anonymized_datetime IS NULL;

  ALTER TABLE survey_responses ADD COLUMN callback_handled_at TEXT;
  CREATE INDEX survey_callbacks ON survey_responses (received_at) WHERE callback_phone IS NOT NULL;
  `,
];
