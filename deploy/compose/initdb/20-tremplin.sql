-- docker compose only (bin/infra does the same on a machine's own PostgreSQL): one role and one database per
-- service, owned by the role, password = name; extensions made here, as a superuser, for the services' migrations.
CREATE ROLE offers LOGIN PASSWORD 'offers';
CREATE ROLE schools LOGIN PASSWORD 'schools';
CREATE ROLE applications LOGIN PASSWORD 'applications';

CREATE DATABASE offers OWNER offers;
CREATE DATABASE schools OWNER schools;
CREATE DATABASE applications OWNER applications;

\connect offers
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS unaccent;

\connect schools
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS unaccent;

\connect applications
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS unaccent;
