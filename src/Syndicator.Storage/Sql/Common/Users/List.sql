SELECT name, role, password_hash AS passwordhash, created_at AS createdat, last_sign_in_at AS lastsigninat,
       disabled_at AS disabledat, session_generation AS sessiongeneration
FROM users ORDER BY name;
