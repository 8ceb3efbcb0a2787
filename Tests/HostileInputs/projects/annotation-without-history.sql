-- expect: has no history
DROP TRIGGER events_no_delete;
DELETE FROM events WHERE entity = 'annotation';
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
