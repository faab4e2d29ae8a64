"""A reviewer's decisions on the verdicts, read back from the report (`minutes-checker review`).

The report lets a reviewer agree or disagree with every combined verdict (one municipality and
map year, one check) and export those decisions as JSON (`models.DecisionsFile`). Here:

- `decisions`: reading that file and checking it against the batch in an output folder: every
  page, file and check must be one the batch knows, with the verdict the reviewer saw; anything
  else is an input error and nothing is written.
- `log`: `reviews.jsonl`, the append-only record of every decision (who, when, verdict,
  comment); a decision already recorded is not recorded again.
- `apply`: the latest decision per page and check put beside the predicted verdict
  (`MunicipalityAssessment.reviews`) and the outcome recomputed from the reviewed statuses
  (`reviewed_outcome`); `apply_decisions_file` is the whole `review apply` command.
- `cases`: every corrected verdict written as a labelled case in the corpus format
  (`review export-cases`), so reviewed real minutes can join `minutes-checker evaluate`.

This package's `__init__` imports nothing: `batch.summary` imports `review.apply`, and the
command-level functions import the batch lazily.
"""
