-- expect: attributes are not a JSON object
UPDATE annotations SET attributes = 'not json' WHERE id = 1;
