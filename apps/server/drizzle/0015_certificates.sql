CREATE TABLE "certificate_reminders" (
	"certificate_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"channels_sent_at" timestamp with time zone,
	CONSTRAINT "certificate_reminders_certificate_id_kind_pk" PRIMARY KEY("certificate_id","kind")
);
--> statement-breakpoint
CREATE TABLE "certificate_revocations" (
	"certificate_id" uuid PRIMARY KEY NOT NULL,
	"ground" text NOT NULL,
	"decision_number" text NOT NULL,
	"decided_on" date NOT NULL,
	"finding_on" date NOT NULL,
	"effective_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificate_sequences" (
	"province_code" text NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "certificate_sequences_province_code_year_pk" PRIMARY KEY("province_code","year")
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"number" text NOT NULL,
	"seq" integer,
	"year" integer NOT NULL,
	"source" text NOT NULL,
	"dossier_id" uuid,
	"decision_id" uuid,
	"product_id" uuid,
	"producer_id" uuid,
	"product_name" text NOT NULL,
	"product_code" text,
	"product_set_name" text,
	"producer_name" text NOT NULL,
	"producer_address" text,
	"commune_code" text,
	"legacy_district_code" text,
	"legacy_district_name" text,
	"legacy_commune_code" text,
	"stars" integer NOT NULL,
	"regime_code" text NOT NULL,
	"issuer_level" text NOT NULL,
	"issuer_name" text NOT NULL,
	"issuer_unit_code" text NOT NULL,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"signer_name" text,
	"signer_title" text,
	"issued_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"superseded_by_id" uuid,
	"superseded_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "certificates_stars_check" CHECK ("certificates"."stars" between 3 and 5),
	CONSTRAINT "certificates_dates_check" CHECK ("certificates"."expires_on" > "certificates"."issued_on")
);
--> statement-breakpoint
CREATE TABLE "certification_settings" (
	"province_code" text PRIMARY KEY NOT NULL,
	"number_pattern" text NOT NULL,
	"expiring_window_days" integer NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificate_reminders" ADD CONSTRAINT "certificate_reminders_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_revocations" ADD CONSTRAINT "certificate_revocations_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_province_code_tenant_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."tenant_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_decision_id_evaluation_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."evaluation_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_settings" ADD CONSTRAINT "certification_settings_province_code_tenant_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."tenant_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificate_revocations_effective_idx" ON "certificate_revocations" USING btree ("effective_on");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_number_key" ON "certificates" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_dossier_key" ON "certificates" USING btree ("dossier_id") WHERE "certificates"."dossier_id" is not null;--> statement-breakpoint
CREATE INDEX "certificates_product_idx" ON "certificates" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "certificates_producer_idx" ON "certificates" USING btree ("producer_id");--> statement-breakpoint
CREATE INDEX "certificates_province_expiry_idx" ON "certificates" USING btree ("province_code","expires_on");