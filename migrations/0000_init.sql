CREATE TABLE "framework_versions" (
	"framework_id" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"definition" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "framework_versions_framework_id_version_pk" PRIMARY KEY("framework_id","version"),
	CONSTRAINT "framework_versions_version_positive" CHECK ("framework_versions"."version" >= 1)
);
