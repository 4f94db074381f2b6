ALTER TABLE "products" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_import_id_import_jobs_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "products_import_idx" ON "products" USING btree ("import_id") WHERE "products"."import_id" is not null;