-- expect: characters where
DROP TRIGGER reports_text_is_immutable;
UPDATE reports SET text = 42 WHERE id = 2;
