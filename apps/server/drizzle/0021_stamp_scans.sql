CREATE TABLE "stamp_fake_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"serial" text NOT NULL,
	"known" boolean NOT NULL,
	"product_id" uuid,
	"lot_id" uuid,
	"producer_id" uuid,
	"province_code" text,
	"commune_code" text,
	"message" text NOT NULL,
	"contact" text,
	"place" text,
	"agent_class" text NOT NULL,
	"address_hash" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stamp_fake_reports_message_check" CHECK (char_length("stamp_fake_reports"."message") between 1 and 1000),
	CONSTRAINT "stamp_fake_reports_contact_check" CHECK ("stamp_fake_reports"."contact" is null or char_length("stamp_fake_reports"."contact") <= 200),
	CONSTRAINT "stamp_fake_reports_serial_check" CHECK (char_length("stamp_fake_reports"."serial") <= 64)
);
--> statement-breakpoint
CREATE TABLE "stamp_scan_counters" (
	"serial" text PRIMARY KEY NOT NULL,
	"scan_count" integer NOT NULL,
	"first_scanned_at" timestamp with time zone NOT NULL,
	"last_scanned_at" timestamp with time zone NOT NULL,
	"suspicious_reason" text,
	"suspicious_at" timestamp with time zone,
	"product_id" uuid NOT NULL,
	"lot_id" uuid,
	"producer_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	CONSTRAINT "stamp_scan_counters_count_check" CHECK ("stamp_scan_counters"."scan_count" >= 1)
);
--> statement-breakpoint
CREATE TABLE "stamp_scans" (
	"scanned_at" timestamp with time zone NOT NULL,
	"serial" text,
	"known" boolean NOT NULL,
	"stamp_state" text,
	"order_id" uuid,
	"product_id" uuid,
	"lot_id" uuid,
	"producer_id" uuid,
	"province_code" text,
	"commune_code" text,
	"agent_class" text NOT NULL,
	"place" text,
	"address_hash" text NOT NULL,
	"limited" boolean DEFAULT false NOT NULL
) PARTITION BY RANGE ("scanned_at");
--> statement-breakpoint
-- Hand-written (drizzle does not model partitions): the month of a scan gets its partition when the
-- first scan of that month is written (the group-commit writer calls this once per new month it
-- sees), and the migration creates the current one. Two processes racing on a new month: the loser's
-- CREATE fails as a duplicate and is ignored. Months are UTC months. PostgreSQL ≥ 11 and PGlite alike.
CREATE FUNCTION "stamp_scans_ensure_month"("at" timestamptz) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	"first" timestamptz := date_trunc('month', "at" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
	"name" text := 'stamp_scans_y' || to_char("at" AT TIME ZONE 'UTC', 'YYYY') || 'm' || to_char("at" AT TIME ZONE 'UTC', 'MM');
BEGIN
	IF to_regclass(quote_ident("name")) IS NULL THEN
		BEGIN
			EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF "stamp_scans" FOR VALUES FROM (%L) TO (%L)',
				"name", "first", "first" + interval '1 month');
		EXCEPTION WHEN duplicate_table OR unique_violation THEN
			NULL;
		END;
	END IF;
	RETURN "name";
END;
$$;
--> statement-breakpoint
SELECT "stamp_scans_ensure_month"(now());
--> statement-breakpoint
CREATE INDEX "stamp_fake_reports_province_idx" ON "stamp_fake_reports" USING btree ("province_code","reported_at");--> statement-breakpoint
CREATE INDEX "stamp_fake_reports_producer_idx" ON "stamp_fake_reports" USING btree ("producer_id","reported_at");--> statement-breakpoint
CREATE INDEX "stamp_scan_counters_suspicious_idx" ON "stamp_scan_counters" USING btree ("province_code","suspicious_at") WHERE "stamp_scan_counters"."suspicious_at" is not null;--> statement-breakpoint
CREATE INDEX "stamp_scans_serial_idx" ON "stamp_scans" USING btree ("serial","scanned_at");--> statement-breakpoint
CREATE INDEX "stamp_scans_province_idx" ON "stamp_scans" USING btree ("province_code","scanned_at");--> statement-breakpoint
CREATE INDEX "stamp_scans_producer_idx" ON "stamp_scans" USING btree ("producer_id","scanned_at");