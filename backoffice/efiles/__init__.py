"""E-Akte: records kept by the town's file plan (Aktenplan) – Akten, Vorgänge and
Dokumente with versions, locks, closing (zdA), retention, disposal (Aussonderung) with an
xdomea export, and an append-only audit trail. Other apps file into it through
:mod:`backoffice.efiles.records`."""
