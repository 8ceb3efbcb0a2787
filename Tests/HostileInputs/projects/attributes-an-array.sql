-- expect: attributes are not a JSON object
UPDATE annotations SET attributes = '[1, 2]' WHERE id = 1;
