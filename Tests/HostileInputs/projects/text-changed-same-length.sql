-- expect: SHA-256
DROP TRIGGER reports_text_is_immutable;
UPDATE reports SET text = upper(text) WHERE id = 2;
