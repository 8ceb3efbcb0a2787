-- expect: characters where
DROP TRIGGER reports_text_is_immutable;
UPDATE reports SET length = 5 WHERE id = 1;
