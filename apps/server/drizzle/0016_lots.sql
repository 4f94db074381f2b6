CREATE TABLE "lots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"producer_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"lot_code" text NOT NULL,
	"produced_on" date NOT NULL,
	"expires_on" date,
	"best_before" date,
	"quantity" numeric(15, 3) NOT NULL,
	"unit" text NOT NULL,
	"growing_area_code" text,
	"growing_area_commune_code" text,
	"notes" text,
	"class_uri" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lots_quantity_check" CHECK ("lots"."quantity" > 0),
	CONSTRAINT "lots_one_end_date_check" CHECK ("lots"."expires_on" is null or "lots"."best_before" is null),
	CONSTRAINT "lots_expiry_after_production_check" CHECK ("lots"."expires_on" is null or "lots"."expires_on" > "lots"."produced_on"),
	CONSTRAINT "lots_best_before_after_production_check" CHECK ("lots"."best_before" is null or "lots"."best_before" > "lots"."produced_on")
);
--> statement-breakpoint
ALTER TABLE "lots" ADD CONSTRAINT "lots_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lots" ADD CONSTRAINT "lots_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lots" ADD CONSTRAINT "lots_province_code_tenant_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."tenant_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lots_product_lot_code_key" ON "lots" USING btree ("product_id","lot_code");--> statement-breakpoint
CREATE INDEX "lots_producer_idx" ON "lots" USING btree ("producer_id");--> statement-breakpoint
CREATE INDEX "lots_province_commune_idx" ON "lots" USING btree ("province_code","commune_code");--> statement-breakpoint
CREATE INDEX "lots_class_uri_idx" ON "lots" USING btree ("class_uri");