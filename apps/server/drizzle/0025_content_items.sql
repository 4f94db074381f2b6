CREATE TABLE "content_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"purpose" text NOT NULL,
	"store_key" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"media_type" text NOT NULL,
	"extension" text NOT NULL,
	"original_name" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"kind" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"body_html" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"cover_file_id" uuid,
	"legal_kind" text,
	"document_number" text,
	"issuing_body" text,
	"signed_on" date,
	"effective_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "content_items_dates_check" CHECK ("content_items"."effective_on" is null or "content_items"."signed_on" is null or "content_items"."effective_on" >= "content_items"."signed_on")
);
--> statement-breakpoint
ALTER TABLE "content_files" ADD CONSTRAINT "content_files_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_files" ADD CONSTRAINT "content_files_province_code_tenant_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."tenant_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_files" ADD CONSTRAINT "content_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_province_code_tenant_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."tenant_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "content_files_item_idx" ON "content_files" USING btree ("item_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "content_files_store_key_idx" ON "content_files" USING btree ("store_key");--> statement-breakpoint
CREATE UNIQUE INDEX "content_items_slug_key" ON "content_items" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "content_items_public_idx" ON "content_items" USING btree ("kind","status","published_at");--> statement-breakpoint
CREATE INDEX "content_items_province_idx" ON "content_items" USING btree ("province_code","kind","updated_at");