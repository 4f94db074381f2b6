CREATE TABLE "classification_versions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"legal_basis" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_groups" (
	"version_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer NOT NULL,
	CONSTRAINT "product_groups_version_code_code_pk" PRIMARY KEY("version_code","code")
);
--> statement-breakpoint
CREATE TABLE "product_set_mappings" (
	"legacy_set_id" uuid NOT NULL,
	"current_set_id" uuid NOT NULL,
	"is_primary" boolean NOT NULL,
	"note" text,
	CONSTRAINT "product_set_mappings_legacy_set_id_current_set_id_pk" PRIMARY KEY("legacy_set_id","current_set_id")
);
--> statement-breakpoint
CREATE TABLE "product_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_code" text NOT NULL,
	"code" text NOT NULL,
	"group_code" text NOT NULL,
	"subgroup_code" text,
	"subgroup_name" text,
	"name" text NOT NULL,
	"name_folded" text NOT NULL,
	"managing_agency" text,
	"requires_samples" boolean DEFAULT true NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"sort_order" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "producers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"type" text NOT NULL,
	"legal_form" text,
	"name" text NOT NULL,
	"registration_number" text NOT NULL,
	"commune_code" text NOT NULL,
	"legacy_commune_code" text,
	"legacy_district_code" text,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"representative_name" text,
	"phone" text,
	"email" text,
	"founding_year" integer,
	"member_count" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"status_reason" text,
	"status_changed_at" timestamp with time zone,
	"name_folded" text NOT NULL,
	"search_folded" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "producers_legal_form_check" CHECK (("producers"."type" = 'enterprise') = ("producers"."legal_form" is not null)),
	CONSTRAINT "producers_location_check" CHECK (("producers"."latitude" is null) = ("producers"."longitude" is null))
);
--> statement-breakpoint
CREATE TABLE "product_code_sequences" (
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"year" integer NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "product_code_sequences_province_code_commune_code_year_pk" PRIMARY KEY("province_code","commune_code","year")
);
--> statement-breakpoint
CREATE TABLE "product_gtins" (
	"gtin" text PRIMARY KEY NOT NULL,
	"product_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "product_gtins_format_check" CHECK ("product_gtins"."gtin" ~ '^[0-9]{14}$')
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"producer_id" uuid NOT NULL,
	"product_set_id" uuid NOT NULL,
	"legacy_product_set_id" uuid,
	"code" text NOT NULL,
	"slug" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text,
	"name_zh" text,
	"description" text,
	"story" text,
	"raw_material" text,
	"raw_material_origin" text,
	"packaging" text,
	"net_quantity" text,
	"shelf_life" text,
	"storage_instructions" text,
	"price_min" bigint,
	"price_max" bigint,
	"status" text DEFAULT 'idea' NOT NULL,
	"status_changed_at" timestamp with time zone,
	"name_folded" text NOT NULL,
	"search_folded" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "products_price_check" CHECK (("products"."price_min" is null or "products"."price_min" >= 0) and ("products"."price_max" is null or "products"."price_max" >= 0) and ("products"."price_min" is null or "products"."price_max" is null or "products"."price_min" <= "products"."price_max"))
);
--> statement-breakpoint
ALTER TABLE "product_groups" ADD CONSTRAINT "product_groups_version_code_classification_versions_code_fk" FOREIGN KEY ("version_code") REFERENCES "public"."classification_versions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_set_mappings" ADD CONSTRAINT "product_set_mappings_legacy_set_id_product_sets_id_fk" FOREIGN KEY ("legacy_set_id") REFERENCES "public"."product_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_set_mappings" ADD CONSTRAINT "product_set_mappings_current_set_id_product_sets_id_fk" FOREIGN KEY ("current_set_id") REFERENCES "public"."product_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_sets" ADD CONSTRAINT "product_sets_version_code_classification_versions_code_fk" FOREIGN KEY ("version_code") REFERENCES "public"."classification_versions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_sets" ADD CONSTRAINT "product_sets_version_code_group_code_product_groups_version_code_code_fk" FOREIGN KEY ("version_code","group_code") REFERENCES "public"."product_groups"("version_code","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "producers" ADD CONSTRAINT "producers_province_code_tenant_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."tenant_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_gtins" ADD CONSTRAINT "product_gtins_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_province_code_tenant_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."tenant_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_product_set_id_product_sets_id_fk" FOREIGN KEY ("product_set_id") REFERENCES "public"."product_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_legacy_product_set_id_product_sets_id_fk" FOREIGN KEY ("legacy_product_set_id") REFERENCES "public"."product_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_set_mappings_current_idx" ON "product_set_mappings" USING btree ("current_set_id");--> statement-breakpoint
CREATE UNIQUE INDEX "product_sets_version_code_key" ON "product_sets" USING btree ("version_code","code");--> statement-breakpoint
CREATE UNIQUE INDEX "producers_registration_number_key" ON "producers" USING btree ("province_code","registration_number");--> statement-breakpoint
CREATE INDEX "producers_province_commune_idx" ON "producers" USING btree ("province_code","commune_code");--> statement-breakpoint
CREATE INDEX "producers_legacy_commune_idx" ON "producers" USING btree ("province_code","legacy_commune_code");--> statement-breakpoint
CREATE INDEX "producers_name_idx" ON "producers" USING btree ("province_code","name_folded");--> statement-breakpoint
CREATE INDEX "producers_search_trgm" ON "producers" USING gin ("search_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "product_gtins_product_idx" ON "product_gtins" USING btree ("product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "products_code_key" ON "products" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "products_slug_key" ON "products" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "products_producer_idx" ON "products" USING btree ("producer_id");--> statement-breakpoint
CREATE INDEX "products_province_name_idx" ON "products" USING btree ("province_code","name_folded");--> statement-breakpoint
CREATE INDEX "products_product_set_idx" ON "products" USING btree ("product_set_id");--> statement-breakpoint
CREATE INDEX "products_search_trgm" ON "products" USING gin ("search_folded" gin_trgm_ops);