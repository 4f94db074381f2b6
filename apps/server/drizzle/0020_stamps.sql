CREATE TABLE "stamp_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"producer_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"lot_id" uuid,
	"lot_code" text,
	"gtin14" text,
	"quantity" integer NOT NULL,
	"issued_count" integer DEFAULT 0 NOT NULL,
	"activated_count" integer DEFAULT 0 NOT NULL,
	"void_count" integer DEFAULT 0 NOT NULL,
	"state" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"issued_at" timestamp with time zone,
	CONSTRAINT "stamp_orders_quantity_check" CHECK ("stamp_orders"."quantity" between 1 and 10000000),
	CONSTRAINT "stamp_orders_issued_count_check" CHECK ("stamp_orders"."issued_count" between 0 and "stamp_orders"."quantity")
);
--> statement-breakpoint
CREATE TABLE "stamps" (
	"serial" text NOT NULL,
	"order_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"state" text NOT NULL,
	"lot_id" uuid,
	"changed_at" timestamp with time zone,
	CONSTRAINT "stamps_pkey" PRIMARY KEY("serial"),
	CONSTRAINT "stamps_serial_check" CHECK ("stamps"."serial" ~ '^[0-9A-HJKMNP-TV-Z]{20}$')
);
--> statement-breakpoint
ALTER TABLE "stamp_orders" ADD CONSTRAINT "stamp_orders_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stamp_orders" ADD CONSTRAINT "stamp_orders_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stamp_orders" ADD CONSTRAINT "stamp_orders_province_code_tenant_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."tenant_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stamp_orders" ADD CONSTRAINT "stamp_orders_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stamps" ADD CONSTRAINT "stamps_order_id_stamp_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."stamp_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stamps" ADD CONSTRAINT "stamps_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stamp_orders_producer_idx" ON "stamp_orders" USING btree ("producer_id","created_at");--> statement-breakpoint
CREATE INDEX "stamp_orders_province_idx" ON "stamp_orders" USING btree ("province_code","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "stamps_order_sequence_key" ON "stamps" USING btree ("order_id","sequence");