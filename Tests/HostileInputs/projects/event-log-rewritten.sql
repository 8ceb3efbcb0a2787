-- expect: not JSON
DROP TRIGGER events_no_update;
UPDATE events SET after = X'FF', before = '{';
