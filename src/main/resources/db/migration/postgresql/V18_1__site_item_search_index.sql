-- PostgreSQL only: the index behind a site's search (SiteItems.search uses the same expression, so the planner
-- finds it). H2 searches by substring and needs none.
create index site_item_search on site_item using gin (
    to_tsvector('indonesian', (title || ' ' || summary || ' ' || body || ' ' || category || ' ' || tags || ' ' || place)));
