-- expect: differs from the quote
UPDATE annotations SET quote = 'xyz' WHERE id = 1;
