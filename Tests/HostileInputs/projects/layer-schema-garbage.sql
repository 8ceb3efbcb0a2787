-- expect: cannot be read
UPDATE plugins SET schema = 'garbage';
