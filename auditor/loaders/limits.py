"""Size limits for input files: refuse what no report is, before any parser sees it."""

# A .docx is a zip of XML parts: refuse archives that would expand beyond sane sizes
# before any XML parser sees them (decompression bombs).
MAX_DOCX_MEMBERS = 5_000
MAX_DOCX_UNCOMPRESSED = 256 * 1024 * 1024
MAX_DOCX_RATIO = 200
MAX_TEXT_BYTES = 64 * 1024 * 1024
MAX_LINE_CHARS = 1_000_000  # a report has paragraphs; a megabyte on one line is not a report's layout
