-- What the intake compliance checks found in an accepted revision (warnings and notes; refusals store nothing).
-- One row per revision, written once: a replayed submission finds it there.
CREATE TABLE compliance_reports (
  item_id TEXT COLLATE "C" NOT NULL,
  revision BIGINT NOT NULL,
  recorded_at BIGINT NOT NULL,
  report TEXT NOT NULL,              -- JSON: { findings: [...], notes: [...] }, numbers only in masked form
  PRIMARY KEY (item_id, revision),
  FOREIGN KEY (item_id, revision) REFERENCES item_revisions (item_id, revision)
);
