-- expect: has no recorded schema
UPDATE annotations SET layer = 'nope' WHERE id = 1;
