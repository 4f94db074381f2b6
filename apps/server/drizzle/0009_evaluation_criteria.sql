CREATE TABLE "criteria_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"regime_code" text NOT NULL,
	"product_set_code" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"content" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "evaluation_regimes" (
	"code" text PRIMARY KEY NOT NULL,
	"definition" jsonb NOT NULL,
	"digest" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_assessments" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"criteria_version_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "criteria_versions" ADD CONSTRAINT "criteria_versions_regime_code_evaluation_regimes_code_fk" FOREIGN KEY ("regime_code") REFERENCES "public"."evaluation_regimes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_criteria_version_id_criteria_versions_id_fk" FOREIGN KEY ("criteria_version_id") REFERENCES "public"."criteria_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "criteria_versions_set_version_key" ON "criteria_versions" USING btree ("regime_code","product_set_code","version");--> statement-breakpoint
CREATE UNIQUE INDEX "criteria_versions_one_published_key" ON "criteria_versions" USING btree ("regime_code","product_set_code") WHERE status = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "criteria_versions_one_draft_key" ON "criteria_versions" USING btree ("regime_code","product_set_code") WHERE status = 'draft';--> statement-breakpoint
CREATE INDEX "criteria_versions_regime_idx" ON "criteria_versions" USING btree ("regime_code","status");