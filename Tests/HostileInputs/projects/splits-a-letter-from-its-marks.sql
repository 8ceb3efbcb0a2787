-- expect: splits a character
UPDATE annotations SET start = 409, "end" = 412, quote = (SELECT substr(text, 410, 3) FROM reports WHERE id = 1) WHERE id = 1;
