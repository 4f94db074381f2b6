CREATE TABLE "epcis_captures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text,
	"producer_id" uuid,
	"user_id" uuid,
	"api_key_id" uuid,
	"error_behaviour" text NOT NULL,
	"running" boolean NOT NULL,
	"success" boolean NOT NULL,
	"event_count" integer NOT NULL,
	"stored_count" integer NOT NULL,
	"duplicate_count" integer NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "epcis_event_keys" (
	"key" text NOT NULL,
	"role" text NOT NULL,
	"event_row_id" bigint NOT NULL,
	CONSTRAINT "epcis_event_keys_key_role_event_row_id_pk" PRIMARY KEY("key","role","event_row_id"),
	CONSTRAINT "epcis_event_keys_key_length_check" CHECK (length("epcis_event_keys"."key") <= 512)
);
--> statement-breakpoint
CREATE TABLE "epcis_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "epcis_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_id" text NOT NULL,
	"event_type" text NOT NULL,
	"province_code" text NOT NULL,
	"producer_id" uuid,
	"commune_code" text,
	"capture_id" uuid NOT NULL,
	"event_time" timestamp with time zone NOT NULL,
	"record_time" timestamp with time zone NOT NULL,
	"action" text,
	"biz_step" text,
	"disposition" text,
	"read_point" text,
	"biz_location" text,
	"event" jsonb NOT NULL,
	"context" jsonb,
	CONSTRAINT "epcis_events_eventId_unique" UNIQUE("event_id")
);
--> statement-breakpoint
ALTER TABLE "epcis_captures" ADD CONSTRAINT "epcis_captures_province_code_tenant_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."tenant_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "epcis_captures" ADD CONSTRAINT "epcis_captures_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "epcis_event_keys" ADD CONSTRAINT "epcis_event_keys_event_row_id_epcis_events_id_fk" FOREIGN KEY ("event_row_id") REFERENCES "public"."epcis_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "epcis_events" ADD CONSTRAINT "epcis_events_province_code_tenant_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."tenant_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "epcis_events" ADD CONSTRAINT "epcis_events_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "epcis_events" ADD CONSTRAINT "epcis_events_capture_id_epcis_captures_id_fk" FOREIGN KEY ("capture_id") REFERENCES "public"."epcis_captures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "epcis_captures_producer_idx" ON "epcis_captures" USING btree ("producer_id","created_at");--> statement-breakpoint
CREATE INDEX "epcis_event_keys_event_idx" ON "epcis_event_keys" USING btree ("event_row_id");--> statement-breakpoint
CREATE INDEX "epcis_events_province_time_idx" ON "epcis_events" USING btree ("province_code","event_time","id");--> statement-breakpoint
CREATE INDEX "epcis_events_producer_time_idx" ON "epcis_events" USING btree ("producer_id","event_time","id");--> statement-breakpoint
CREATE INDEX "epcis_events_commune_time_idx" ON "epcis_events" USING btree ("province_code","commune_code","event_time");--> statement-breakpoint
CREATE INDEX "epcis_events_record_time_idx" ON "epcis_events" USING btree ("record_time");--> statement-breakpoint
CREATE INDEX "epcis_events_biz_step_idx" ON "epcis_events" USING btree ("biz_step");