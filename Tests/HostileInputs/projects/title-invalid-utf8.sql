-- expect: where text belongs
UPDATE reports SET title = X'FF00FE' WHERE id = 1;
