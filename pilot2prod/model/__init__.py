"""The site's data as typed records: errors, schema, content, checklists and the one Dataset."""
