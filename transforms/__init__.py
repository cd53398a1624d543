"""Pure, tested functions: one module per pipeline stage. Nothing here imports Prefect or opens DuckDB."""
