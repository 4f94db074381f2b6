CREATE TABLE "sales_point_stock" (
	"sales_point_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by" uuid,
	CONSTRAINT "sales_point_stock_sales_point_id_product_id_pk" PRIMARY KEY("sales_point_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "sales_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"commune_code" text NOT NULL,
	"legacy_district_code" text,
	"address" text,
	"hours" text,
	"latitude" double precision,
	"longitude" double precision,
	"website_url" text,
	"phone" text,
	"operator_name" text,
	"stock_updated_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sales_points_name_check" CHECK (char_length("sales_points"."name") between 1 and 200),
	CONSTRAINT "sales_points_location_check" CHECK (("sales_points"."latitude" is null) = ("sales_points"."longitude" is null)),
	CONSTRAINT "sales_points_texts_check" CHECK (coalesce(char_length("sales_points"."address"), 0) <= 300 and coalesce(char_length("sales_points"."hours"), 0) <= 200)
);
--> statement-breakpoint
ALTER TABLE "sales_point_stock" ADD CONSTRAINT "sales_point_stock_sales_point_id_sales_points_id_fk" FOREIGN KEY ("sales_point_id") REFERENCES "public"."sales_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_point_stock" ADD CONSTRAINT "sales_point_stock_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_points" ADD CONSTRAINT "sales_points_province_code_tenant_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."tenant_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sales_point_stock_product_idx" ON "sales_point_stock" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "sales_points_province_idx" ON "sales_points" USING btree ("province_code","status","name");