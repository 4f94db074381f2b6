ALTER TABLE "products" ADD COLUMN "description_zh" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "story_zh" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "seasons" smallint[] DEFAULT '{}'::smallint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "season_note" text;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_seasons_check" CHECK (cardinality("products"."seasons") <= 12 and "products"."seasons" <@ '{1,2,3,4,5,6,7,8,9,10,11,12}'::smallint[]);