-- expect: author holds 2 bytes
UPDATE annotations SET author = X'FFFE' WHERE id = 1;
