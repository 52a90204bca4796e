SELECT name, role, password_hash AS passwordhash, failed_sign_ins AS failedsignins, locked_until AS lockeduntil,
       created_at AS createdat, last_sign_in_at AS lastsigninat
FROM users ORDER BY name;
