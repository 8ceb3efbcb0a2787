-- expect: sound
UPDATE reports SET title = char(27) || ']0;pwned' || char(7) || char(27) || '[2J title' WHERE id = 1;
UPDATE annotations SET author = char(27) || '[31mmallory', attributes = '{"type": "\u001b[2Jstatistical"}' WHERE id = 1;
