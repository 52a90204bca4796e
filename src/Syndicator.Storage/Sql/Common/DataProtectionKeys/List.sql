SELECT xml FROM data_protection_keys ORDER BY created_at, name;
