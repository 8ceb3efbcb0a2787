-- expect: a NUL or invalid UTF-8
DROP TRIGGER reports_text_is_immutable;
UPDATE reports SET text = CAST(X'D982D8A7FF20C3' AS TEXT) WHERE id = 2;
