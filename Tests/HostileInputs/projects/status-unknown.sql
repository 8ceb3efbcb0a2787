-- expect: its status "zombie" is not one Hashiya writes
PRAGMA ignore_check_constraints = 1;
UPDATE annotations SET status = 'zombie' WHERE id = 1;
