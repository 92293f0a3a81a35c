"""The deployment shape (deploy/): nginx configuration, several workers behind it."""
