-- expect: has no label
UPDATE annotations SET label = CAST(X'636C61FF696D' AS TEXT) WHERE id = 1;
