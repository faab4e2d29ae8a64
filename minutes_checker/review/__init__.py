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
  (`reviewed_outcome`), in every combine step of a batch.
- `cases`: a corrected municipality and map year as a labelled case in the corpus format, so
  reviewed real minutes can join `minutes-checker evaluate`.

The package stands beside `judge` (it recomputes outcomes) and below `outputs` and `batch`,
which use it; the commands that work on an output folder (`review apply`, `letters`,
`review export-cases`) are `batch.followup`.
"""
