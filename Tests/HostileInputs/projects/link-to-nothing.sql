-- expect: which does not exist
PRAGMA foreign_keys = OFF;
UPDATE links SET toId = 999 WHERE id = 1;
