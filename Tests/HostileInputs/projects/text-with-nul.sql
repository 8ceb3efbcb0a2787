-- expect: a NUL or invalid UTF-8
DROP TRIGGER reports_text_is_immutable;
UPDATE reports SET text = CAST(X'6162630064656667' AS TEXT) WHERE id = 2;
