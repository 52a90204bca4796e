INSERT INTO compliance_reports (item_id, revision, recorded_at, report)
VALUES (@itemId, @revision, @recordedAt, @report)
ON CONFLICT (item_id, revision) DO NOTHING;
