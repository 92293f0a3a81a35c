"""The citizen's side of online applications: multi-step forms, drafts, submission,
tracking."""
