-- expect: has no label
UPDATE annotations SET label = 'gossip' WHERE id = 1;
