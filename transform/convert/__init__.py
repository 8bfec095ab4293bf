"""The `convert` pipeline: ingest → parse → translate → (characterize → verify → report)."""
