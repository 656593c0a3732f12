// The run store's schema, version by version (docs/database.md). Kept apart from
// run_store.cpp so that each new version is one more string here.

#include "run_store_schema.h"

namespace recoscope::sim::schema {

// Version 1 (Recoscope 0.0.x) had no hashes, experiments, labels or summaries on runs.
const char* const kV1 = R"sql(
CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  started TEXT NOT NULL,
  finished TEXT,
  status TEXT NOT NULL,
  scenario_name TEXT NOT NULL,
  scenario_json TEXT NOT NULL,
  scenario_hash TEXT NOT NULL,
  seed INTEGER NOT NULL,
  recommender TEXT NOT NULL,
  params_json TEXT NOT NULL,
  build_version TEXT NOT NULL
);
CREATE TABLE events(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  time REAL NOT NULL,
  user INTEGER NOT NULL,
  item INTEGER,
  kind INTEGER NOT NULL,
  surface INTEGER NOT NULL,
  position INTEGER NOT NULL,
  from_rec INTEGER NOT NULL,
  price REAL NOT NULL,
  PRIMARY KEY(run_id, seq)
) WITHOUT ROWID;
CREATE TABLE metrics(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  bucket_time REAL NOT NULL,
  name TEXT NOT NULL,
  value REAL NOT NULL
);
CREATE INDEX metrics_by_run ON metrics(run_id, name, bucket_time);
PRAGMA user_version = 1;
)sql";

const char* const kMigrateV1toV2 = R"sql(
ALTER TABLE runs ADD COLUMN catalogue_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN population_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN experiment_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN label TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN summary_json TEXT NOT NULL DEFAULT '{}';
PRAGMA user_version = 2;
)sql";

// Version 3: events keyed by a plain rowid id = (run_id << 40) | seq. Appends go to the
// end of a rowid b-tree (~40 % faster than the composite WITHOUT ROWID key, and no
// foreign-key probe per row), and a run's events are one contiguous id range.
const char* const kMigrateV2toV3 = R"sql(
CREATE TABLE events_v3(
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  time REAL NOT NULL,
  user INTEGER NOT NULL,
  item INTEGER,
  kind INTEGER NOT NULL,
  surface INTEGER NOT NULL,
  position INTEGER NOT NULL,
  from_rec INTEGER NOT NULL,
  price REAL NOT NULL
);
INSERT INTO events_v3
  SELECT (run_id << 40) | seq, run_id, seq, time, user, item, kind, surface, position, from_rec, price
  FROM events ORDER BY run_id, seq;
DROP TABLE events;
ALTER TABLE events_v3 RENAME TO events;
PRAGMA user_version = 3;
)sql";

// Version 4: the process writing a run is recorded, so that a run whose process was
// killed (status still 'running') can be told from one still being written.
const char* const kMigrateV3toV4 = R"sql(
ALTER TABLE runs ADD COLUMN owner TEXT NOT NULL DEFAULT '';
PRAGMA user_version = 4;
)sql";

// Version 5: imported interaction logs (issue 12): their external ids mapped to dense
// ones, and their events keyed like runs' events, id = (log_id << 40) | line order.
// External ids are stored as written in the file (BLOBs when they are not UTF-8).
const char* const kMigrateV4toV5 = R"sql(
CREATE TABLE logs(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  format TEXT NOT NULL,
  source TEXT NOT NULL,
  imported TEXT NOT NULL,
  users INTEGER NOT NULL,
  items INTEGER NOT NULL,
  events INTEGER NOT NULL,
  first_time REAL,
  last_time REAL,
  skipped_lines INTEGER NOT NULL DEFAULT 0,
  summary_json TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE log_users(log_id INTEGER NOT NULL, id INTEGER NOT NULL, external TEXT NOT NULL,
  PRIMARY KEY(log_id, id)) WITHOUT ROWID;
CREATE TABLE log_items(log_id INTEGER NOT NULL, id INTEGER NOT NULL, external TEXT NOT NULL,
  PRIMARY KEY(log_id, id)) WITHOUT ROWID;
CREATE TABLE log_events(
  id INTEGER PRIMARY KEY,
  log_id INTEGER NOT NULL,
  time REAL NOT NULL,
  user INTEGER NOT NULL,
  item INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  value REAL NOT NULL
);
PRAGMA user_version = 5;
)sql";

// Version 6: every served slate with its items and per-position propensities (issue 13,
// off-policy evaluation; docs/database.md, docs/ope.md). Keyed like events,
// id = (run_id << 40) | seq. items: little-endian uint32 per position; propensities:
// little-endian float32 per position (one value when all are equal), NULL when every one is
// 1 (a deterministic core).
const char* const kMigrateV5toV6 = R"sql(
CREATE TABLE slates(
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  event_seq INTEGER NOT NULL,
  time REAL NOT NULL,
  user INTEGER NOT NULL,
  surface INTEGER NOT NULL,
  context_item INTEGER,
  clicked INTEGER NOT NULL,
  items BLOB NOT NULL,
  propensities BLOB
);
PRAGMA user_version = 6;
)sql";

// Version 7: a free-text note per run beside its one-line label (issue 14), both edited
// after the run from the history, `recoscope-cli label` and `recoscope-cli note`. A column
// rather than a table: `store merge` copies every column of `runs` as it is, and a plain
// `SELECT id, label, note FROM runs` reads them.
const char* const kMigrateV6toV7 = R"sql(
ALTER TABLE runs ADD COLUMN note TEXT NOT NULL DEFAULT '';
PRAGMA user_version = 7;
)sql";

// Version 8: the coupon desk's ledger (issue 16, decisions/0028): one row per checkout
// line decided under a coupon policy, with the true purchase probabilities without (p0)
// and with (p1) a coupon, the learner's predicted uplift, the outcome and the outcome the
// same dice give under the other choice. reason: 0 policy, 1 exploration, 2 over budget.
const char* const kMigrateV7toV8 = R"sql(
CREATE TABLE coupon_lines(
  run_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  time REAL NOT NULL,
  user INTEGER NOT NULL,
  item INTEGER NOT NULL,
  price REAL NOT NULL,
  discount REAL NOT NULL,
  p0 REAL NOT NULL,
  p1 REAL NOT NULL,
  predicted REAL NOT NULL,
  issued INTEGER NOT NULL,
  bought INTEGER NOT NULL,
  counterfactual INTEGER NOT NULL,
  reason INTEGER NOT NULL,
  PRIMARY KEY(run_id, seq)
) WITHOUT ROWID;
PRAGMA user_version = 8;
)sql";

const char* const kMigrations[kMigrationCount] = {kMigrateV1toV2, kMigrateV2toV3, kMigrateV3toV4,
                                                  kMigrateV4toV5, kMigrateV5toV6, kMigrateV6toV7,
                                                  kMigrateV7toV8};

} // namespace recoscope::sim::schema
