"""HTML pages of the petitions app: staff pages (staff, detail, calendar) and public pages."""
