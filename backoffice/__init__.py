"""Back-office apps of re@di Portal: E-Akte (``efiles``) and Rechnungseingang (``invoices``)."""
