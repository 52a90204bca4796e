-- A key is written once; a second write under the same name (never expected) changes nothing.
INSERT INTO data_protection_keys (name, xml, created_at)
VALUES (@name, @xml, @createdAt)
ON CONFLICT (name) DO NOTHING;
