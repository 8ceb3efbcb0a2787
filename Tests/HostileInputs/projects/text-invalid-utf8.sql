-- expect: where text belongs
DROP TRIGGER reports_text_is_immutable;
UPDATE reports SET text = X'61FF62C3' WHERE id = 2;
