CREATE TABLE "producer_sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"producer_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"producer_commune_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"gln" text,
	"commune_code" text NOT NULL,
	"address" text,
	"location_uri" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "producer_sites_gln_check" CHECK ("producer_sites"."gln" is null or "producer_sites"."gln" ~ '^[0-9]{13}$'),
	CONSTRAINT "producer_sites_name_check" CHECK (char_length("producer_sites"."name") between 1 and 200),
	CONSTRAINT "producer_sites_address_check" CHECK ("producer_sites"."address" is null or char_length("producer_sites"."address") <= 300)
);
--> statement-breakpoint
CREATE TABLE "lot_carton_counters" (
	"lot_id" uuid PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "lot_carton_counters_last_number_check" CHECK ("lot_carton_counters"."last_number" between 0 and 99999)
);
--> statement-breakpoint
ALTER TABLE "producer_sites" ADD CONSTRAINT "producer_sites_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "producer_sites" ADD CONSTRAINT "producer_sites_province_code_tenant_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."tenant_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lot_carton_counters" ADD CONSTRAINT "lot_carton_counters_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "producer_sites_producer_idx" ON "producer_sites" USING btree ("producer_id","name");--> statement-breakpoint
CREATE INDEX "producer_sites_province_commune_idx" ON "producer_sites" USING btree ("province_code","producer_commune_code");--> statement-breakpoint
CREATE UNIQUE INDEX "producer_sites_gln_key" ON "producer_sites" USING btree ("gln") WHERE "producer_sites"."gln" is not null;