-- Revoked once: a second revocation changes nothing, so the first time and actor stay.
UPDATE api_keys SET revoked_at = @at, revoked_by = @by WHERE id = @id AND revoked_at IS NULL;
