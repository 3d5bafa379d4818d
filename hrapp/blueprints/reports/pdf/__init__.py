"""The report engine's PDF layer: fonts, page template (letterhead, footer), tables, signature slots."""
