-- Hand-written: every scan updates its stamp's counter row (count, first and last time), never an indexed
-- column, so the update can stay on the row's own page (a HOT update: no new index entries, no index bloat)
-- when that page has room. Pages filled to 70 % leave that room; the default 100 % left none, and every
-- scan of a stamp wrote a new entry into the primary key's index. New pages take the setting.
ALTER TABLE "stamp_scan_counters" SET (fillfactor = 70);
