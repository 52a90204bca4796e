DELETE FROM sign_in_failures WHERE name = @name;
