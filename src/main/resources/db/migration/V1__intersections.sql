-- Intersections the system watches, with their reference point and zone (design sections 5 and 7).
-- usually present already (a superuser enables it: scripts/pg-cluster does, in template1)
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'postgis') THEN
        CREATE EXTENSION postgis;
    END IF;
END
$$;

CREATE TABLE intersections (
    id            integer PRIMARY KEY CHECK (id >= 0),
    name          text NOT NULL CHECK (length(trim(name)) > 0),
    latitude      double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude     double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    geometry      geometry(Point, 4326) NOT NULL,
    zone          geometry(Polygon, 4326) NOT NULL,
    zone_radius_m double precision NOT NULL DEFAULT 120 CHECK (zone_radius_m > 0 AND zone_radius_m <= 5000),
    lane_count    integer CHECK (lane_count >= 0),
    revision      integer CHECK (revision >= 0),
    metadata      jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- geometry always follows latitude/longitude; the zone defaults to a metric circle around the reference point
-- and follows it too, unless the writer supplies its own zone (e.g. a MapData lane envelope).
CREATE FUNCTION intersections_sync_geometry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.geometry := ST_SetSRID(ST_MakePoint(NEW.longitude, NEW.latitude), 4326);
    IF TG_OP = 'INSERT' THEN
        IF NEW.zone IS NULL THEN
            NEW.zone := ST_Buffer(NEW.geometry::geography, NEW.zone_radius_m, 'quad_segs=16')::geometry;
        END IF;
    ELSE
        IF NEW.zone IS NOT DISTINCT FROM OLD.zone
           AND (NEW.latitude, NEW.longitude, NEW.zone_radius_m)
               IS DISTINCT FROM (OLD.latitude, OLD.longitude, OLD.zone_radius_m) THEN
            NEW.zone := ST_Buffer(NEW.geometry::geography, NEW.zone_radius_m, 'quad_segs=16')::geometry;
        END IF;
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER intersections_sync_geometry
    BEFORE INSERT OR UPDATE ON intersections
    FOR EACH ROW EXECUTE FUNCTION intersections_sync_geometry();

CREATE INDEX intersections_geometry_gist ON intersections USING gist (geometry);
CREATE INDEX intersections_geography_gist ON intersections USING gist ((geometry::geography));
CREATE INDEX intersections_zone_gist ON intersections USING gist (zone);

INSERT INTO intersections (id, name, latitude, longitude) VALUES
    (156, 'VCC 156 (Fairfax County, VA)', 38.928411, -77.241071),
    (158, 'VCC 158 (Fairfax County, VA)', 38.920952, -77.233830),
    (159, 'VCC 159 (Fairfax County, VA)', 38.918318, -77.230614),
    (3837, 'VCC 3837 (Blacksburg, VA)', 37.187012, -80.395026);
