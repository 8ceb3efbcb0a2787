-- expect: provenance is not a JSON array
UPDATE annotations SET provenance = '{"a": 1}', origin = 'adjudicated' WHERE id = 1;
