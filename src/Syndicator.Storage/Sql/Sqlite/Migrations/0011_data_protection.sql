-- The ASP.NET Core Data Protection key ring (console cookies, anti-forgery tokens, secrets in channel_state), kept in
-- the store so that every node and every restart uses the same keys. Each row is one key's XML as the framework wrote
-- it: encrypted with the configured certificate where one is (DataProtection:CertificatePath), else in the clear.
CREATE TABLE data_protection_keys (
  name TEXT NOT NULL PRIMARY KEY,    -- the framework's friendly name, "key-<guid>"
  xml TEXT NOT NULL,                 -- secret: never logged
  created_at INTEGER NOT NULL
);
