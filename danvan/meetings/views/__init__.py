"""HTML pages of meetings, tasks, directives, citizen reception and supervision."""
