-- Each photo's print copy: the photo scaled to the box an A4 passport prints it in, at
-- 200 dpi, so printing embeds it without decoding or resizing. Empty when the photo is no
-- larger than that, and for photos stored before this version (printing then resizes the
-- photo itself, as before).
ALTER TABLE photos ADD COLUMN print_jpeg BLOB NOT NULL DEFAULT x'';
