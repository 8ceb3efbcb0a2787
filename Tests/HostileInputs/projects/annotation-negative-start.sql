-- expect: are not a span
PRAGMA ignore_check_constraints = 1;
UPDATE annotations SET start = -5 WHERE id = 1;
