CREATE TABLE "conflict_declarations" (
	"member_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"has_conflict" boolean NOT NULL,
	"reason" text,
	"declared_at" timestamp with time zone NOT NULL,
	CONSTRAINT "conflict_declarations_member_id_dossier_id_pk" PRIMARY KEY("member_id","dossier_id")
);
--> statement-breakpoint
CREATE TABLE "council_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"user_id" uuid,
	"full_name" text NOT NULL,
	"title" text,
	"position" text NOT NULL,
	"department" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"round_id" uuid NOT NULL,
	"name" text NOT NULL,
	"established_by" text,
	"spread_limit" double precision DEFAULT 10 NOT NULL,
	"quorum" integer DEFAULT 3 NOT NULL,
	"written_opinion" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"criteria_version_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"total" double precision,
	"submitted_at" timestamp with time zone,
	"seal_seq" integer,
	"prev_hash" text,
	"hash" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"criterion_code" text,
	"evidence_item_id" text,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"reasons" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"producer_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"regime_code" text NOT NULL,
	"base_dossier_id" uuid,
	"certificate_expires_on" date,
	"late_filing" boolean DEFAULT false NOT NULL,
	"registration" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"criteria_version_id" uuid,
	"self_assessment" jsonb,
	"self_assessment_total" double precision,
	"submitted_on" date,
	"commune_report" jsonb,
	"proposed_on" date,
	"received_on" date,
	"advisory_review" jsonb,
	"samples_received" integer DEFAULT 0 NOT NULL,
	"samples_checked_by" uuid,
	"council_id" uuid,
	"result" jsonb,
	"result_total" double precision,
	"result_stars" integer,
	"decision_id" uuid,
	"ministry_result" jsonb,
	"recognised_stars" integer,
	"last_reasons" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dossiers_samples_check" CHECK ("dossiers"."samples_received" between 0 and 5)
);
--> statement-breakpoint
CREATE TABLE "evaluation_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"round_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"signed_on" date NOT NULL,
	"signer_name" text,
	"signer_title" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_holidays" (
	"province_code" text NOT NULL,
	"day" date NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "evaluation_holidays_province_code_day_pk" PRIMARY KEY("province_code","day")
);
--> statement-breakpoint
CREATE TABLE "evaluation_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"ordinal" integer NOT NULL,
	"name" text NOT NULL,
	"filing_by" date,
	"proposals_by" date NOT NULL,
	"results_by" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evaluation_rounds_dates_check" CHECK ("evaluation_rounds"."proposals_by" <= "evaluation_rounds"."results_by")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"province_code" text,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"entity_type" text,
	"entity_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"email_state" text DEFAULT 'pending' NOT NULL,
	"emailed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_member_id_council_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."council_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_province_code_tenant_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."tenant_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD CONSTRAINT "score_sheets_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD CONSTRAINT "score_sheets_member_id_council_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."council_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD CONSTRAINT "score_sheets_criteria_version_id_criteria_versions_id_fk" FOREIGN KEY ("criteria_version_id") REFERENCES "public"."criteria_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_evidence" ADD CONSTRAINT "dossier_evidence_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_evidence" ADD CONSTRAINT "dossier_evidence_document_id_registry_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."registry_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_transitions" ADD CONSTRAINT "dossier_transitions_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_transitions" ADD CONSTRAINT "dossier_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_province_code_tenant_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."tenant_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_regime_code_evaluation_regimes_code_fk" FOREIGN KEY ("regime_code") REFERENCES "public"."evaluation_regimes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_criteria_version_id_criteria_versions_id_fk" FOREIGN KEY ("criteria_version_id") REFERENCES "public"."criteria_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_decision_id_evaluation_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."evaluation_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_decisions" ADD CONSTRAINT "evaluation_decisions_province_code_tenant_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."tenant_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_decisions" ADD CONSTRAINT "evaluation_decisions_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_holidays" ADD CONSTRAINT "evaluation_holidays_province_code_tenant_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."tenant_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_province_code_tenant_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."tenant_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "council_members_user_key" ON "council_members" USING btree ("council_id","user_id");--> statement-breakpoint
CREATE INDEX "council_members_user_idx" ON "council_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "councils_round_idx" ON "councils" USING btree ("province_code","round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "score_sheets_member_key" ON "score_sheets" USING btree ("dossier_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "score_sheets_seal_key" ON "score_sheets" USING btree ("dossier_id","seal_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_evidence_key" ON "dossier_evidence" USING btree ("dossier_id","document_id",coalesce("criterion_code", ''),coalesce("evidence_item_id", ''));--> statement-breakpoint
CREATE INDEX "dossier_evidence_document_idx" ON "dossier_evidence" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "dossier_transitions_dossier_idx" ON "dossier_transitions" USING btree ("dossier_id","at");--> statement-breakpoint
CREATE INDEX "dossiers_board_idx" ON "dossiers" USING btree ("province_code","round_id","state");--> statement-breakpoint
CREATE INDEX "dossiers_commune_idx" ON "dossiers" USING btree ("province_code","commune_code","state");--> statement-breakpoint
CREATE INDEX "dossiers_producer_idx" ON "dossiers" USING btree ("producer_id");--> statement-breakpoint
CREATE INDEX "dossiers_product_idx" ON "dossiers" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "dossiers_council_idx" ON "dossiers" USING btree ("council_id") WHERE "dossiers"."council_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_one_open_per_product_key" ON "dossiers" USING btree ("product_id") WHERE "dossiers"."state" not in ('recognised', 'not_recognised', 'ministry_recognised');--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_decisions_number_key" ON "evaluation_decisions" USING btree ("province_code","number");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_rounds_ordinal_key" ON "evaluation_rounds" USING btree ("province_code","level","year","ordinal");--> statement-breakpoint
CREATE INDEX "evaluation_rounds_province_idx" ON "evaluation_rounds" USING btree ("province_code","year");--> statement-breakpoint
CREATE INDEX "notifications_inbox_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_email_pending_idx" ON "notifications" USING btree ("user_id","email_state");