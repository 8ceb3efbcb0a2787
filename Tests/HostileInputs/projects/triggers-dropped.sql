-- expect: the trigger events_no_delete is missing
DROP TRIGGER events_no_delete;
DROP TRIGGER reports_text_is_immutable;
