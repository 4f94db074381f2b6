CREATE TABLE "inquiries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"producer_id" uuid NOT NULL,
	"product_id" uuid,
	"producer_name" text NOT NULL,
	"product_name" text,
	"name" text NOT NULL,
	"contact" text NOT NULL,
	"quantity" text,
	"message" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"status_changed_at" timestamp with time zone,
	"status_changed_by" uuid,
	"source_ip_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inquiries_name_check" CHECK (char_length("inquiries"."name") between 1 and 100),
	CONSTRAINT "inquiries_contact_check" CHECK (char_length("inquiries"."contact") between 1 and 120),
	CONSTRAINT "inquiries_quantity_check" CHECK (char_length("inquiries"."quantity") <= 100),
	CONSTRAINT "inquiries_message_check" CHECK (char_length("inquiries"."message") between 1 and 2000),
	CONSTRAINT "inquiries_status_check" CHECK (("inquiries"."status" = 'new') = ("inquiries"."status_changed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "inquiry_keys" (
	"id" smallint PRIMARY KEY NOT NULL,
	"form_key" text NOT NULL,
	"address_salt" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inquiry_keys_one_row" CHECK ("inquiry_keys"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "producer_page_settings" (
	"producer_id" uuid PRIMARY KEY NOT NULL,
	"show_phone" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_province_code_tenant_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."tenant_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_status_changed_by_users_id_fk" FOREIGN KEY ("status_changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "producer_page_settings" ADD CONSTRAINT "producer_page_settings_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "producer_page_settings" ADD CONSTRAINT "producer_page_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inquiries_producer_idx" ON "inquiries" USING btree ("producer_id","created_at");--> statement-breakpoint
CREATE INDEX "inquiries_province_idx" ON "inquiries" USING btree ("province_code","commune_code","created_at");