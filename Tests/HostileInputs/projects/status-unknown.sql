-- expect: neither active nor deleted
PRAGMA ignore_check_constraints = 1;
UPDATE annotations SET status = 'zombie' WHERE id = 1;
