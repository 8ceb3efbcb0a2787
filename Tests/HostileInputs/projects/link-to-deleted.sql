-- expect: which was deleted
UPDATE annotations SET status = 'deleted' WHERE id = 2;
