-- expect: falls outside the text
UPDATE annotations SET "end" = 1000000000000 WHERE id = 1;
