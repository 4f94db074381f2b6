ALTER TABLE "dossiers" ADD COLUMN "product_name" text NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "product_code" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "producer_name" text NOT NULL;