SELECT recorded_at AS recordedat, report
FROM compliance_reports
WHERE item_id = @itemId AND revision = @revision;
