-- Feeds list the public reports changed most recently: read them from an index in that order.
create index report_published_updated on report (published, updated_at desc, id desc);
