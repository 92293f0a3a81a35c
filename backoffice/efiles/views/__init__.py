"""Admin views of the E-Akte, under /admin/e-akte/ (URL namespace ``efiles``)."""
