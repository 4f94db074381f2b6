-- Hand-written: the scan recorder's one statement per batch, as a PL/pgSQL function so that its plan
-- is prepared once per connection instead of planned on every batch (planning the five-part
-- statement cost more than running it for a batch of ten), and with each serial looked up through
-- the stamps' primary key one at a time (LATERAL … LIMIT 1): the planner guesses 100 rows for a
-- JSON record set and otherwise chose to read every stamp of the order (a million for a big order)
-- and hash-join them. `batch` is a JSON array of {i, serial, lookup, scanned_at, agent_class, place,
-- address_hash, limited}; one row answers each scan that named a stamp of an issued order, with the
-- stamp's counter after the batch. Counters are upserted in serial order, so two batches at once
-- lock them in the same order, never in a circle. PostgreSQL and PGlite alike.
CREATE FUNCTION "stamp_scans_record"("batch" jsonb)
RETURNS TABLE ("i" int, "serial" text, "state" text, "order_id" uuid, "lot_id" uuid, "product_id" uuid, "producer_id" uuid,
               "province_code" text, "commune_code" text, "scan_count" int, "first_scanned_at" timestamptz, "suspicious_reason" text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY
	WITH "input" AS (
		SELECT * FROM jsonb_to_recordset("batch")
			AS r("i" int, "serial" text, "lookup" text, "scanned_at" timestamptz, "agent_class" text, "place" text, "address_hash" text, "limited" boolean)
	),
	"found" AS (
		SELECT "input"."i", "input"."scanned_at", s."serial", s."state", s."order_id", s."lot_id",
		       o."product_id", o."producer_id", o."province_code", o."commune_code"
		FROM "input"
		CROSS JOIN LATERAL (SELECT * FROM "stamps" WHERE "stamps"."serial" = "input"."lookup" LIMIT 1) s
		JOIN "stamp_orders" o ON o."id" = s."order_id" AND o."state" = 'issued'
	),
	"appended" AS (
		INSERT INTO "stamp_scans" ("scanned_at", "serial", "known", "stamp_state", "order_id", "product_id", "lot_id", "producer_id",
		                           "province_code", "commune_code", "agent_class", "place", "address_hash", "limited")
		SELECT "input"."scanned_at", "input"."serial", "found"."i" IS NOT NULL, "found"."state", "found"."order_id", "found"."product_id",
		       "found"."lot_id", "found"."producer_id", "found"."province_code", "found"."commune_code", "input"."agent_class",
		       "input"."place", "input"."address_hash", "input"."limited"
		FROM "input" LEFT JOIN "found" ON "found"."i" = "input"."i"
	),
	"counted" AS (
		INSERT INTO "stamp_scan_counters" AS c ("serial", "scan_count", "first_scanned_at", "last_scanned_at", "product_id", "lot_id",
		                                       "producer_id", "province_code", "commune_code")
		SELECT f."serial", count(*)::int, min(f."scanned_at"), max(f."scanned_at"), f."product_id", f."lot_id", f."producer_id",
		       f."province_code", f."commune_code"
		FROM "found" f
		GROUP BY f."serial", f."product_id", f."lot_id", f."producer_id", f."province_code", f."commune_code"
		ORDER BY f."serial"
		ON CONFLICT ("serial") DO UPDATE SET
			"scan_count" = c."scan_count" + excluded."scan_count",
			"first_scanned_at" = least(c."first_scanned_at", excluded."first_scanned_at"),
			"last_scanned_at" = greatest(c."last_scanned_at", excluded."last_scanned_at"),
			"lot_id" = excluded."lot_id"
		RETURNING c."serial", c."scan_count", c."first_scanned_at", c."suspicious_reason"
	)
	SELECT f."i", f."serial", f."state", f."order_id", f."lot_id", f."product_id", f."producer_id", f."province_code", f."commune_code",
	       k."scan_count", k."first_scanned_at", k."suspicious_reason"
	FROM "found" f JOIN "counted" k ON k."serial" = f."serial";
END;
$$;
