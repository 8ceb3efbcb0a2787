-- expect: is missing
PRAGMA foreign_keys = OFF;
DELETE FROM reports WHERE id = 1;
